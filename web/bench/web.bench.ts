/**
 * `npm run bench:web`: the web app's budgets in headless Chromium against the compiled app on its
 * demo data (loopback): initial JavaScript gzipped, the suggestions page usable after navigation,
 * and a filter change shown. Prints the figures docs/benchmarks.md records.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { linkIn, mailTo } from '../tests/support/mail';
import { startServer, waitForSuggestions } from '../tests/support/server';

const PORT = Number(process.env.CITYMATCH_WEB_BENCH_PORT ?? 3991);
const RUNS = Number(process.env.RUNS ?? 15);
const MEMBER = 'gn-2198148'; // Suva
const DIST = join(__dirname, '..', 'dist');
const BUDGET = { initialJsKb: 250, usableMs: 1500, filterMs: 300 };

function initialJavaScriptKb(): { kb: number; files: string[] } {
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length, 0);
  return { kb: bytes / 1024, files };
}

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const summary = (values: number[]) =>
  `median ${quantile(values, 0.5).toFixed(0)} ms, p95 ${quantile(values, 0.95).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;

/** A real session of one of the member's demo officials: link asked for, read from the mail file, redeemed. */
async function signInAsOfficial(url: string, adminToken: string, dataDir: string) {
  const users = await fetch(`${url}/api/v1/members/${MEMBER}/users?limit=1`, { headers: { Authorization: `Bearer ${adminToken}` } });
  const [official] = ((await users.json()) as { items: Array<{ email: string }> }).items;
  const post = (path: string, body: object) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  await post('/api/v1/auth/sign-in-links', { email: official.email });
  let link: string | undefined;
  for (let attempt = 0; attempt < 50 && !link; attempt += 1) {
    link = mailTo(dataDir, official.email)
      .map((message) => linkIn(message, '/sign-in'))
      .pop();
    if (!link) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const token = new URL(link!).searchParams.get('token')!;
  const session = await post('/api/v1/auth/sessions', { token });
  return session.headers.getSetCookie().map((cookie) => {
    const [name, ...value] = cookie.split(';')[0].split('=');
    return { name, value: value.join('=') };
  });
}

async function main() {
  const initial = initialJavaScriptKb();
  const loadBefore = loadavg()[0];
  const dataDir = mkdtempSync(join(tmpdir(), 'citymatch-web-bench-'));
  const server = await startServer(PORT, { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0' });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await waitForSuggestions(server);
    const cookies = await signInAsOfficial(server.url, server.adminToken, dataDir);
    const usable: number[] = [];
    const filter: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      // A fresh context each run: nothing cached, as on a first visit.
      const context = await browser.newContext({ baseURL: server.url });
      await context.addCookies(cookies.map((cookie) => ({ ...cookie, url: server.url })));
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`/members/${MEMBER}/suggestions`);
      await page.locator('.suggestion h3').first().waitFor();
      await page.getByLabel('Subregion').waitFor();
      usable.push(Date.now() - started);

      const subregion = run % 2 === 0 ? 'Melanesia' : 'Polynesia';
      const changed = Date.now();
      await page.getByLabel('Subregion').selectOption(subregion);
      await page.waitForFunction(
        (wanted) => {
          const metas = [...document.querySelectorAll('.suggestion .meta')];
          return (
            metas.length > 0 && metas.every((meta) => meta.textContent?.includes(wanted)) && !document.querySelector('[aria-busy="true"]')
          );
        },
        subregion,
        { polling: 'raf' },
      );
      filter.push(Date.now() - changed);
      await context.close();
    }
    console.log(`initial JavaScript: ${initial.kb.toFixed(1)} kB gzipped (${initial.files.join(', ')}); budget ${BUDGET.initialJsKb} kB`);
    console.log(`suggestions page usable after navigation (${RUNS} cold runs): ${summary(usable)}; budget ${BUDGET.usableMs} ms`);
    console.log(`filter change shown (${RUNS} runs): ${summary(filter)}; budget ${BUDGET.filterMs} ms`);
    // In run order: the first run meets a freshly started app, whose caches are still empty.
    console.log(`each run, usable / filter change (ms): ${usable.map((ms, run) => `${ms}/${filter[run]}`).join(' ')}`);
    const within =
      initial.kb <= BUDGET.initialJsKb && quantile(usable, 0.95) <= BUDGET.usableMs && quantile(filter, 0.95) <= BUDGET.filterMs;
    console.log(`1-minute load average: ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (2 cores)`);
    console.log(within ? 'all within budget (p95)' : 'OVER BUDGET');
    process.exitCode = within ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
