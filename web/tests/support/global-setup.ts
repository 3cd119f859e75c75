import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEB_TEST_PORT } from '../../playwright.config';
import { startServer, waitForSuggestions } from './server';

/**
 * One CityMatch for the browser tests, on the embedded default stack with its demo data, exactly
 * as `npm start` gives it after a fresh install. Its admin token and data directory go to the
 * tests through the environment.
 */
export default async function globalSetup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'citymatch-web-test-'));
  const server = await startServer(WEB_TEST_PORT, {
    DATA_DIR: dataDir,
    // Tests click far faster than people do.
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100',
    SIGN_IN_LINKS_PER_CLIENT_PER_HOUR: '10000',
    PUBLIC_URL: `http://127.0.0.1:${WEB_TEST_PORT}`,
    // The default lists are balanced after the first recompute only, so that a list a test reads
    // through the API is the one the page then shows (the minute's check would rebalance after edits).
    BALANCE_CRON: 'off',
    // The digests' quarter-hourly tick would send a first week's digests to every demo person at once
    // (thousands of renderings and .eml files) in the middle of a test; the digest tests cover them.
    DIGESTS: 'off',
  });
  await waitForSuggestions(server);
  process.env.CITYMATCH_WEB_ADMIN_TOKEN = server.adminToken;
  process.env.CITYMATCH_WEB_DATA_DIR = dataDir;
  writeFileSync(join(dataDir, 'first-start.log'), server.output());
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
