import { useId } from 'react';
import type { Theme } from '../api/types';

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
export function SuggestionFilters({
  values,
  themes,
  onChange,
}: {
  values: FilterValues;
  themes: Theme[];
  onChange: (name: keyof FilterValues, value: string) => void;
}) {
  const id = useId();
  return (
    <form className="filters" aria-label="Filter suggestions" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-theme`}>Theme</label>
        <select id={`${id}-theme`} value={values.theme} onChange={(event) => onChange('theme', event.target.value)}>
          <option value="">Any theme</option>
          {themes.map((theme) => (
            <option key={theme.slug} value={theme.slug}>
              {theme.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-subregion`}>Subregion</label>
        <select id={`${id}-subregion`} value={values.subregion} onChange={(event) => onChange('subregion', event.target.value)}>
          <option value="">Any subregion</option>
          {SUBREGIONS.map((subregion) => (
            <option key={subregion}>{subregion}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-min`}>Population from</label>
        <input
          id={`${id}-min`}
          type="number"
          min={1}
          step={1000}
          inputMode="numeric"
          defaultValue={values.minPopulation}
          onBlur={(event) => onChange('minPopulation', event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && onChange('minPopulation', event.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-max`}>Population up to</label>
        <input
          id={`${id}-max`}
          type="number"
          min={1}
          step={1000}
          inputMode="numeric"
          defaultValue={values.maxPopulation}
          onBlur={(event) => onChange('maxPopulation', event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && onChange('maxPopulation', event.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>Language (ISO 639-3, e.g. eng)</label>
        <input
          id={`${id}-language`}
          pattern="[a-z]{3}"
          maxLength={3}
          defaultValue={values.language}
          onBlur={(event) => event.target.validity.valid && onChange('language', event.target.value)}
          onKeyDown={(event) =>
            event.key === 'Enter' && event.currentTarget.validity.valid && onChange('language', event.currentTarget.value)
          }
        />
      </div>
      <div className="field checkbox">
        <input
          id={`${id}-diversify`}
          type="checkbox"
          checked={values.diversify === 'true'}
          onChange={(event) => onChange('diversify', event.target.checked ? 'true' : '')}
        />
        <label htmlFor={`${id}-diversify`}>At most 3 per country</label>
      </div>
      <div className="field checkbox">
        <input
          id={`${id}-ranking`}
          type="checkbox"
          checked={values.ranking === 'score'}
          onChange={(event) => onChange('ranking', event.target.checked ? 'score' : '')}
        />
        <label htmlFor={`${id}-ranking`}>Rank by score only</label>
      </div>
    </form>
  );
}
