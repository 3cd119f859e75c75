import type { RouteCase } from '../../support/authorization-matrix';
import { BROKERING_ROUTES } from './brokering-routes';
import { CORE_ROUTES } from './core-routes';
import { EXCLUSIONS_ROUTES } from './exclusions-routes';
import { PEOPLE_ROUTES } from './people-routes';
import { WEB_APP_ROUTES } from './web-app-routes';

/** Every route's row: each feature keeps its rows in a file of its own, added here. */
export const ROUTE_CASES: Record<string, RouteCase> = {
  ...CORE_ROUTES,
  ...EXCLUSIONS_ROUTES,
  ...PEOPLE_ROUTES,
  ...BROKERING_ROUTES,
  ...WEB_APP_ROUTES,
};
