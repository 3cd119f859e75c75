import { readFileSync } from 'node:fs';
import { API_TYPES_FILE, renderApiTypes } from '../../web/scripts/openapi-types';
import { startTestApp, type TestApp } from '../support/test-app';

/** The web app calls the API through types generated from its OpenAPI document: they must not drift. */
describe('the web app’s API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('match the running app’s OpenAPI document (run `npm run api:types` after changing the API)', async () => {
    const document = (await t.anonymous.get('/docs-json').expect(200)).body;
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const current = await renderApiTypes(document);
    expect(current.length).toBeGreaterThan(1000);
    expect(committed).toBe(current);
  });
});
