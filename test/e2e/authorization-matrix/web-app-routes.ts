import { at, type Expectations, type RouteCase } from '../../support/authorization-matrix';

/** Public, like any web page: what a page shows comes from the API, which checks every call. */
const PUBLIC_PAGE: Expectations = {
  anonymous: 'allowed',
  admin: 'allowed',
  secretariat: 'allowed',
  ownOfficial: 'allowed',
  otherOfficial: 'allowed',
};

/** The web app's files, and its index for deep links (without a build: a 404 that says so). */
export const WEB_APP_ROUTES: Record<string, RouteCase> = {
  'GET /*': { request: at('/suggestions'), expect: PUBLIC_PAGE },
};
