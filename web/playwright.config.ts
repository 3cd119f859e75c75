import { defineConfig } from '@playwright/test';

/** The app under test listens here (started by the global setup from the compiled build). */
export const WEB_TEST_PORT = Number(process.env.CITYMATCH_WEB_TEST_PORT ?? 3990);
/** The services journey's app (tests/support/services-stack.ts) listens here. */
export const SERVICES_TEST_PORT = Number(process.env.CITYMATCH_WEB_SERVICES_TEST_PORT ?? 3992);

/** Browser tests drive Debian's Chromium (browser downloads do not work on the test machines). */
export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  globalSetup: './tests/support/global-setup.ts',
  fullyParallel: false,
  // The embedded tests share one app and take turns; the services journey has its own app and runs beside them.
  workers: 2,
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${WEB_TEST_PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    timezoneId: 'Pacific/Auckland',
    locale: 'en-NZ',
    trace: 'retain-on-failure',
  },
  projects: [
    // The demo data on the embedded default, started once by the global setup.
    { name: 'embedded', testIgnore: 'services/**', workers: 1 },
    // One journey on PostgreSQL + Redis/BullMQ (TEST_DATABASE_URL and TEST_REDIS_URL, as CI exports them; it fails without them).
    { name: 'services', testMatch: 'services/**/*.spec.ts', workers: 1, use: { baseURL: `http://127.0.0.1:${SERVICES_TEST_PORT}` } },
  ],
});
