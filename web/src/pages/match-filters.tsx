import { useId } from 'react';
import type { NetworkMatchFilters } from '../api/queries';
import { type Choice, themeChoices } from '../components/choices';
import { appliedOnEnterOrLeave, type FilterBarProps, FilterInput, FilterSelect } from '../components/filter-fields';
import { SUBREGIONS } from './suggestion-filters';

/** The URL's names for the filters: the API's own, so a page's address reads as its request. */
export const MATCH_FILTER_NAMES = ['subregion', 'country', 'theme', 'minScore', 'partnership', 'interest'] as const;
export type MatchFilterValues = Record<(typeof MATCH_FILTER_NAMES)[number], string>;

const PARTNERSHIPS: Choice[] = [
  ['none', 'None yet'],
  ['open', 'Open'],
  ['closed', 'Declined or ended'],
  ['any', 'Any recorded'],
];
const INTERESTS: Choice[] = [
  ['none', 'None marked'],
  ['mutual', 'Mutual'],
  ['one-sided', 'One side only'],
  ['any', 'Either side'],
];

/** The request the URL's values make: empty and invalid values are left out. */
export function matchQueryOf(values: MatchFilterValues): NetworkMatchFilters {
  const query: NetworkMatchFilters = {};
  if (values.subregion) query.subregion = values.subregion;
  if (/^[A-Za-z]{2}$/.test(values.country)) query.country = values.country.toUpperCase();
  if (values.theme) query.theme = values.theme;
  const minScore = Number(values.minScore);
  if (values.minScore && minScore > 0 && minScore <= 1) query.minScore = minScore;
  if (values.partnership) query.partnership = values.partnership as NetworkMatchFilters['partnership'];
  if (values.interest) query.interest = values.interest as NetworkMatchFilters['interest'];
  return query;
}

/** The network matches' filters; each change replaces one URL parameter, so a link keeps the view. */
export function MatchFilters({ values, themes, onChange }: FilterBarProps<MatchFilterValues>) {
  const id = useId();
  const select = (name: keyof MatchFilterValues, label: string, any: string, choices: readonly Choice[]) => (
    <FilterSelect
      id={`${id}-${name}`}
      label={label}
      any={any}
      choices={choices}
      value={values[name]}
      onChange={(value) => onChange(name, value)}
    />
  );
  // Typed fields apply on Enter or on leaving them, and only while valid.
  const typed = (name: keyof MatchFilterValues, value: (input: HTMLInputElement) => string) =>
    appliedOnEnterOrLeave((input) => input.validity.valid && onChange(name, value(input)));
  const fit = values.minScore ? String(Math.round(Number(values.minScore) * 100)) : '';
  return (
    <form className="filters" aria-label="Filter network matches" onSubmit={(event) => event.preventDefault()}>
      {select('subregion', 'Subregion', 'Any subregion', SUBREGIONS)}
      <FilterInput
        id={`${id}-country`}
        label="Country (code, e.g. FJ)"
        key={`country-${values.country}`}
        pattern="[A-Za-z]{2}"
        maxLength={2}
        autoCapitalize="characters"
        defaultValue={values.country}
        {...typed('country', (input) => input.value.trim().toUpperCase())}
      />
      {select('theme', 'Theme', 'Any theme', themeChoices(themes))}
      <FilterInput
        id={`${id}-fit`}
        label="Minimum fit (0–100)"
        key={`fit-${fit}`}
        type="number"
        min={0}
        max={100}
        step={5}
        inputMode="numeric"
        defaultValue={fit}
        {...typed('minScore', (input) => (Number(input.value) > 0 ? String(Number(input.value) / 100) : ''))}
      />
      {select('partnership', 'Partnership', 'Any or none', PARTNERSHIPS)}
      {select('interest', 'Interest', 'Any or none', INTERESTS)}
    </form>
  );
}
