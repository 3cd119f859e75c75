import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../support/free-port';
import { matchScript } from '../support/match-script';
import { createTestStack, TEST_STACK, type TestStack } from '../support/test-stack';

/**
 * The production build (`npm run build`, swc) compiles differently from the tests' transform, and
 * once silently ignored DATABASE_URL. This starts the compiled entry points as production does.
 */
const ROOT = resolve(__dirname, '../..');
const SECRET = /cm_[A-Za-z0-9_-]{43}/;

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'off', ...extra };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<{ details: { queue: { kind: string } } }> {
  for (let attempt = 0; attempt < 450; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const response = await fetch(`${url}/health`).catch(() => undefined);
    if (response?.ok) return (await response.json()) as { details: { queue: { kind: string } } };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the API did not become ready');
}

/** Nest closes the app on SIGTERM, then re-raises the signal: a clean stop ends by SIGTERM (or 0). */
function stop(child: ChildProcess): Promise<string> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done(`exit ${child.exitCode}`);
    child.once('exit', (code, signal) => done(code === 0 || signal === 'SIGTERM' ? 'clean' : `exit ${code} ${signal}`));
    child.kill('SIGTERM');
  });
}

describe('the compiled build', () => {
  let stack: TestStack;
  let dataDir: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build'], { cwd: ROOT, stdio: 'pipe' });
    execFileSync(process.execPath, [join(ROOT, 'scripts/bundle-match.js')], { cwd: ROOT, stdio: 'pipe' });
    stack = await createTestStack();
    dataDir = mkdtempSync(join(tmpdir(), 'citymatch-compiled-'));
  }, 120_000);
  afterAll(async () => {
    await stack?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`starts dist/src/main.js on the ${TEST_STACK} stack, serves a token holder and stops cleanly on SIGTERM`, async () => {
    const port = await freePort();
    const env: Record<string, string> =
      stack.config.database.kind === 'postgres' && stack.config.queue.kind === 'bullmq'
        ? { DATABASE_URL: stack.config.database.url, REDIS_URL: stack.config.queue.redisUrl, QUEUE_PREFIX: stack.config.queue.prefix }
        : { DATA_DIR: dataDir };
    let secret: string;
    if (TEST_STACK === 'services') {
      // The first token on a server comes from the command line.
      const output = execFileSync(process.execPath, ['dist/src/cli/token-create.js', '--role', 'admin', '--label', 'smoke'], {
        cwd: ROOT,
        env: baseEnv(env),
        encoding: 'utf8',
      });
      secret = SECRET.exec(output)![0];
    }
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: ROOT,
      env: baseEnv({ ...env, PORT: String(port) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    try {
      const health = await waitForHealth(`http://127.0.0.1:${port}`, child);
      expect(health.details.queue.kind).toBe(TEST_STACK === 'services' ? 'bullmq' : 'in-process');
      if (TEST_STACK === 'embedded') secret = SECRET.exec(stdout)![0]; // printed on the first start
      const themes = await fetch(`http://127.0.0.1:${port}/api/v1/themes`, { headers: { Authorization: `Bearer ${secret!}` } });
      expect(themes.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/themes`)).status).toBe(401);
    } finally {
      expect(await stop(child)).toBe('clean');
    }
  }, 120_000);

  /** The match command as `npm run match` runs it once built: its node flags and its bundled file. */
  function runMatchCommand(...args: string[]): { status: number | null; stderr: string } {
    const { env, nodeFlags, entry } = matchScript(ROOT);
    const run = spawnSync(process.execPath, [...nodeFlags, entry, ...args], { cwd: ROOT, env: baseEnv(env), encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr };
  }

  it('runs the bundled match command, whose pool thread checks the records and writes part of the file', () => {
    const themes = ['disaster-resilience', 'climate-change', 'culture', 'municipal-finance'];
    const countries = ['PH', 'FJ', 'TH', 'VN', 'ID'];
    const records = Array.from({ length: 30 }, (_, i) => ({
      id: `c${i}`,
      name: `City ${i}`,
      country: countries[i % countries.length],
      population: 10_000 + 991 * i,
      lat: -30 + ((i * 7) % 60),
      lon: 100 + ((i * 13) % 80),
      languages: ['eng'],
      status: 'active',
      needs: { [themes[i % 4]]: 1 + (i % 3) },
      offers: { [themes[(i + 1) % 4]]: 2 },
      partners: [],
      dismissed: [],
    }));
    const input = join(dataDir, 'members.json');
    writeFileSync(input, JSON.stringify(records));
    const outputs = ['1', '2'].map((threads) => {
      const output = join(dataDir, `suggestions-${threads}.jsonl`);
      expect(runMatchCommand('--input', input, '--top', '5', '--output', output, '--threads', threads).status).toBe(0);
      return readFileSync(output, 'utf8');
    });
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[0].trim().split('\n')).toHaveLength(30);

    // A record the quick check is unsure of goes to the full validation, which the bundle loads from dist/src.
    const bad = records.map((r, i) => (i === 4 ? { ...r, languages: ['english'], contact: { email: 'x@example.org' } } : r));
    writeFileSync(input, JSON.stringify(bad));
    const output = join(dataDir, 'bad.jsonl');
    const run = runMatchCommand('--input', input, '--top', '5', '--output', output, '--threads', '2');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/record 4, languages/);
    expect(() => readFileSync(output)).toThrow(/ENOENT/);
  });

  it('runs `npm run match` from the built bundle where there are no sources, as in the production image', () => {
    // The image's files for the command (.docker/Dockerfile): the manifest, the staleness check and dist/.
    const image = mkdtempSync(join(tmpdir(), 'citymatch-image-'));
    try {
      cpSync(join(ROOT, 'package.json'), join(image, 'package.json'));
      cpSync(join(ROOT, 'scripts/build-if-stale.js'), join(image, 'scripts/build-if-stale.js'));
      cpSync(join(ROOT, 'dist/src/cli-bundle'), join(image, 'dist/src/cli-bundle'), { recursive: true });
      const input = join(image, 'members.json');
      const member = { name: 'M', population: 50_000, languages: ['eng'], status: 'active', partners: [], dismissed: [] };
      writeFileSync(
        input,
        JSON.stringify([
          { ...member, id: 'a', country: 'PH', lat: 10.7, lon: 122.6, needs: { culture: 3 }, offers: {} },
          { ...member, id: 'b', country: 'FJ', lat: -18.1, lon: 178.4, needs: {}, offers: { culture: 2 } },
        ]),
      );
      const output = join(image, 'out.jsonl');
      const run = spawnSync('npm', ['run', '--silent', 'match', '--', '--input', input, '--top', '1', '--output', output], {
        cwd: image,
        env: baseEnv({}),
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(
        readFileSync(output, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line).city),
      ).toEqual(['a', 'b']);
    } finally {
      rmSync(image, { recursive: true, force: true });
    }
  });
});
