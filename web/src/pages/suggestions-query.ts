import type { QueryClient } from '@tanstack/react-query';
import { memberQuery, type SuggestionFilters, suggestionsQuery, themesQuery } from '../api/queries';
import type { FilterValues } from './suggestion-filters';

export const FILTER_NAMES: Array<keyof FilterValues> = ['theme', 'subregion', 'minPopulation', 'maxPopulation', 'language', 'diversify'];
/** What the URL keeps: the filters and the ranking (which is not a filter). */
const URL_NAMES: Array<keyof FilterValues> = [...FILTER_NAMES, 'ranking'];

/** The page's filters as the URL holds them, and as the suggestions request takes them. */
export function filtersFrom(params: URLSearchParams): { values: FilterValues; query: SuggestionFilters } {
  const values = Object.fromEntries(URL_NAMES.map((name) => [name, params.get(name) ?? ''])) as FilterValues;
  const query: SuggestionFilters = { limit: 20 };
  if (values.theme) query.theme = values.theme;
  if (values.subregion) query.subregion = values.subregion;
  if (Number(values.minPopulation) > 0) query.minPopulation = Number(values.minPopulation);
  if (Number(values.maxPopulation) > 0) query.maxPopulation = Number(values.maxPopulation);
  if (values.language) query.language = values.language;
  if (values.diversify === 'true') query.diversify = true;
  if (values.ranking === 'score') query.ranking = 'score';
  return { values, query };
}

/**
 * Asks for what the page shows first while its code is still loading, instead of after: the list,
 * the member and the themes (the filters); on a filter change, the new list before the page renders
 * again. A list is asked again once stale, the member and themes only when missing; errors are left
 * for the page to show.
 */
export function prefetchSuggestionsPage(queryClient: QueryClient, memberId: string, url: string): void {
  const { query } = filtersFrom(new URL(url).searchParams);
  const leaveToThePage = () => undefined;
  void queryClient.prefetchQuery(suggestionsQuery(memberId, query));
  queryClient.ensureQueryData(memberQuery(memberId)).catch(leaveToThePage);
  queryClient.ensureQueryData(themesQuery).catch(leaveToThePage);
}
