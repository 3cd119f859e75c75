import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEB_APP_CONTENT_SECURITY_POLICY } from '../../src/web-app';
import { startTestApp, type TestApp } from '../support/test-app';

const INDEX = '<!doctype html><html lang="en"><title>CityMatch</title><script type="module" src="/assets/index-abc123.js"></script></html>';

describe('the web app is served at / beside the API', () => {
  let t: TestApp;
  const webAppDir = mkdtempSync(join(tmpdir(), 'citymatch-web-'));

  beforeAll(async () => {
    mkdirSync(join(webAppDir, 'assets'));
    writeFileSync(join(webAppDir, 'index.html'), INDEX);
    writeFileSync(join(webAppDir, 'assets', 'index-abc123.js'), 'console.log("CityMatch");');
    writeFileSync(join(webAppDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp({ WEB_APP_DIR: webAppDir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webAppDir, { recursive: true, force: true });
  });

  it('answers / and any deep link with the index, revalidated, under the strict CSP', async () => {
    for (const path of ['/', '/suggestions?theme=culture&diversify=true', '/members/ph-manila/edit', '/sign-in?token=abc']) {
      const response = await t.anonymous.get(path).expect(200);
      expect(response.text).toBe(INDEX);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toBe(WEB_APP_CONTENT_SECURITY_POLICY);
    }
    expect(WEB_APP_CONTENT_SECURITY_POLICY).toContain(`script-src 'self';`);
    expect(WEB_APP_CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('serves hashed assets for good and other files as they are', async () => {
    const asset = await t.anonymous.get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await t.anonymous.get('/favicon.svg').expect(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it('answers a missing file with 404, not with the app', async () => {
    const response = await t.anonymous.get('/assets/index-gone.js').expect(404);
    expect(response.text).not.toContain('<html');
  });

  it('never serves a file outside the build', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json']) {
      const response = await t.anonymous.get(path);
      expect([400, 403, 404]).toContain(response.status);
      expect(response.text).not.toContain('"name"');
    }
  });

  it('leaves the API, its documentation and health to the server', async () => {
    const unknownApi = await t.anonymous.get('/api/v1/no-such-route').expect(404);
    expect(unknownApi.body).toMatchObject({ statusCode: 404 });
    expect(unknownApi.headers['content-type']).toMatch(/json/);
    await t.anonymous.get('/health').expect(200);
    const docs = await t.anonymous.get('/docs-json').expect(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    const admin = await t.anonymous.get('/admin/anything');
    expect(admin.text).not.toBe(INDEX);
  });
});

describe('without a build of the web app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ WEB_APP_DIR: join(tmpdir(), 'citymatch-web-not-built') });
  });
  afterAll(() => t?.close());

  it('says how to build it, and the API still works', async () => {
    const response = await t.anonymous.get('/').expect(404);
    expect(response.text).toContain('npm run build');
    await t.anonymous.get('/health').expect(200);
  });
});
