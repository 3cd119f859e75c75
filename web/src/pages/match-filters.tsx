import { type FocusEvent, type KeyboardEvent, useId } from 'react';
import type { NetworkMatchFilters } from '../api/queries';
import type { Theme } from '../api/types';
import { SUBREGIONS } from './suggestion-filters';

/** The URL's names for the filters: the API's own, so a page's address reads as its request. */
export const MATCH_FILTER_NAMES = ['subregion', 'country', 'theme', 'minScore', 'partnership', 'interest'] as const;
export type MatchFilterValues = Record<(typeof MATCH_FILTER_NAMES)[number], string>;

const PARTNERSHIPS: Array<[string, string]> = [
  ['none', 'None yet'],
  ['open', 'Open'],
  ['closed', 'Declined or ended'],
  ['any', 'Any recorded'],
];
const INTERESTS: Array<[string, string]> = [
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
export function MatchFilters({
  values,
  themes,
  onChange,
}: {
  values: MatchFilterValues;
  themes: Theme[];
  onChange: (name: keyof MatchFilterValues, value: string) => void;
}) {
  const id = useId();
  const select = (name: keyof MatchFilterValues, label: string, any: string, options: Array<[string, string]>) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select id={`${id}-${name}`} value={values[name]} onChange={(event) => onChange(name, event.target.value)}>
        <option value="">{any}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  // Typed fields apply on Enter or on leaving them, not on every key.
  const typed = (name: keyof MatchFilterValues, value: (input: HTMLInputElement) => string) => ({
    onBlur: (event: FocusEvent<HTMLInputElement>) => event.target.validity.valid && onChange(name, value(event.target)),
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) =>
      event.key === 'Enter' && event.currentTarget.validity.valid && onChange(name, value(event.currentTarget)),
  });
  const fit = values.minScore ? String(Math.round(Number(values.minScore) * 100)) : '';
  return (
    <form className="filters" aria-label="Filter network matches" onSubmit={(event) => event.preventDefault()}>
      {select(
        'subregion',
        'Subregion',
        'Any subregion',
        SUBREGIONS.map((subregion) => [subregion, subregion]),
      )}
      <div className="field">
        <label htmlFor={`${id}-country`}>Country (code, e.g. FJ)</label>
        <input
          id={`${id}-country`}
          key={`country-${values.country}`}
          pattern="[A-Za-z]{2}"
          maxLength={2}
          autoCapitalize="characters"
          defaultValue={values.country}
          {...typed('country', (input) => input.value.trim().toUpperCase())}
        />
      </div>
      {select(
        'theme',
        'Theme',
        'Any theme',
        themes.map((theme) => [theme.slug, theme.label]),
      )}
      <div className="field">
        <label htmlFor={`${id}-fit`}>Minimum fit (0–100)</label>
        <input
          id={`${id}-fit`}
          key={`fit-${fit}`}
          type="number"
          min={0}
          max={100}
          step={5}
          inputMode="numeric"
          defaultValue={fit}
          {...typed('minScore', (input) => (Number(input.value) > 0 ? String(Number(input.value) / 100) : ''))}
        />
      </div>
      {select('partnership', 'Partnership', 'Any or none', PARTNERSHIPS)}
      {select('interest', 'Interest', 'Any or none', INTERESTS)}
    </form>
  );
}
