import { useId } from 'react';
import { themeChoices } from '../components/choices';
import { appliedOnEnterOrLeave, type FilterBarProps, FilterCheckbox, FilterInput, FilterSelect } from '../components/filter-fields';

/** Subregions (as world-countries names them: the values the API's subregion filter takes) where members are likely. */
export const SUBREGIONS = [
  'Australia and New Zealand',
  'Central Asia',
  'Eastern Asia',
  'Melanesia',
  'Micronesia',
  'Polynesia',
  'South-Eastern Asia',
  'Southern Asia',
  'Western Asia',
  'Eastern Europe',
  'Northern Africa',
  'North America',
];

export type FilterValues = Record<'theme' | 'subregion' | 'minPopulation' | 'maxPopulation' | 'language' | 'diversify' | 'ranking', string>;

/** The filters live in the URL: each change replaces one parameter, so a link keeps the view. */
export function SuggestionFilters({ values, themes, onChange }: FilterBarProps<FilterValues>) {
  const id = useId();
  const population = (name: 'minPopulation' | 'maxPopulation', suffix: string, label: string) => (
    <FilterInput
      id={`${id}-${suffix}`}
      label={label}
      type="number"
      min={1}
      step={1000}
      inputMode="numeric"
      defaultValue={values[name]}
      {...appliedOnEnterOrLeave((input) => onChange(name, input.value))}
    />
  );
  return (
    <form className="filters" aria-label="Filter suggestions" onSubmit={(event) => event.preventDefault()}>
      <FilterSelect
        id={`${id}-theme`}
        label="Theme"
        any="Any theme"
        choices={themeChoices(themes)}
        value={values.theme}
        onChange={(value) => onChange('theme', value)}
      />
      <FilterSelect
        id={`${id}-subregion`}
        label="Subregion"
        any="Any subregion"
        choices={SUBREGIONS}
        value={values.subregion}
        onChange={(value) => onChange('subregion', value)}
      />
      {population('minPopulation', 'min', 'Population from')}
      {population('maxPopulation', 'max', 'Population up to')}
      <FilterInput
        id={`${id}-language`}
        label="Language (ISO 639-3, e.g. eng)"
        pattern="[a-z]{3}"
        maxLength={3}
        defaultValue={values.language}
        {...appliedOnEnterOrLeave((input) => input.validity.valid && onChange('language', input.value))}
      />
      <FilterCheckbox
        id={`${id}-diversify`}
        label="At most 3 per country"
        checked={values.diversify === 'true'}
        onChange={(checked) => onChange('diversify', checked ? 'true' : '')}
      />
      <FilterCheckbox
        id={`${id}-ranking`}
        label="Rank by score only"
        checked={values.ranking === 'score'}
        onChange={(checked) => onChange('ranking', checked ? 'score' : '')}
      />
    </form>
  );
}
