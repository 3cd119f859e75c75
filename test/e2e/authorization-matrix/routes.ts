import type { RouteCase } from '../../support/authorization-matrix';
import { BROKERING_ROUTES } from './brokering-routes';
import { CORE_ROUTES } from './core-routes';

/** Every route's row: each feature keeps its rows in a file of its own, added here. */
export const ROUTE_CASES: Record<string, RouteCase> = {
  ...CORE_ROUTES,
  ...BROKERING_ROUTES,
};
