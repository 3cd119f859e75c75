import type { RouteCase } from '../../support/authorization-matrix';
import { CORE_ROUTES } from './core-routes';
import { DIGEST_ROUTES } from './digest-routes';
import { PEOPLE_ROUTES } from './people-routes';

/** Every route's row: each feature keeps its rows in a file of its own, added here. */
export const ROUTE_CASES: Record<string, RouteCase> = {
  ...CORE_ROUTES,
  ...PEOPLE_ROUTES,
  ...DIGEST_ROUTES,
};
