import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port';
import { type AppBuild, apiNodeOptions } from './compiled-app';
import type { BenchStack } from './bench-stack';
import type { Steps } from './breakdown';

/** Every child still running, so that an interrupted benchmark can end them. */
const running = new Set<ChildProcess>();
/** Children write their logs to files here (as to a log collector), not to pipes this process reads. */
let logDir: string | undefined;
let started = 0;

export interface AppProcess {
  child: ChildProcess;
  /** What the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface ApiProcess extends AppProcess {
  baseUrl: string;
  /** An admin's Authorization header for this API's database. */
  headers: Record<string, string>;
}

export interface ProcessOptions {
  logLevel?: string;
  workers?: 'inline' | 'off';
  /** More environment for the app, e.g. RECOMPUTE_SHARD_SIZE. */
  env?: Record<string, string>;
  /**
   * Cores the process may run on (a taskset list, e.g. "1"): a worker pinned to one core stands for
   * a one-core machine, and availableParallelism() gives it one matching thread.
   */
  cpus?: string;
}

const TASKSET = '/usr/bin/taskset';

function childEnv(stack: BenchStack, options: ProcessOptions, extra: Record<string, string> = {}) {
  return {
    ...process.env,
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    QUEUE_PREFIX: stack.name,
    LOG_LEVEL: options.logLevel ?? 'warn',
    WORKERS: options.workers ?? 'inline',
    RECOMPUTE_CRON: 'off',
    SEED_DEMO_DATA: 'off',
    // The benchmark measures capacity, far above one caller's fair share: no rate limit.
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    ...options.env,
    ...extra,
  };
}

function start(args: string[], env: NodeJS.ProcessEnv, cpus?: string): AppProcess {
  logDir ??= mkdtempSync(join(tmpdir(), 'citymatch-bench-logs-'));
  const logFile = join(logDir, `${++started}.log`);
  const fd = openSync(logFile, 'w');
  // For profiling, e.g. BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/profiles'.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const command = [process.execPath, ...nodeArgs, ...args];
  // taskset execs the command, so the child's pid is node's own (the CPU meter reads it).
  if (cpus !== undefined) command.unshift(TASKSET, '-c', cpus);
  const child = spawn(command[0], command.slice(1), { env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  running.add(child);
  const output = () => readFileSync(logFile, 'utf8');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => running.delete(child));
  return {
    child,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function startApi(build: AppBuild, stack: BenchStack, options: ProcessOptions = {}): Promise<ApiProcess> {
  const port = await freePort();
  const app = start(
    [...apiNodeOptions(), ...build.script('src/main.ts')],
    childEnv(stack, options, { HOST: '127.0.0.1', PORT: String(port) }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(app, 'API', async () => (await fetch(`${baseUrl}/health`).catch(() => undefined))?.ok === true);
  const health = await (await fetch(`${baseUrl}/health`)).text();
  if (!health.includes('bullmq')) throw new Error(`the API did not start on PostgreSQL + Redis: ${health}`);
  return { ...app, baseUrl, headers: { authorization: `Bearer ${adminToken(build, stack, options)}` } };
}

const adminTokens = new WeakMap<BenchStack, string>();

/** One admin token per benchmark database, made as an operator makes the first one: npm run token:create. */
function adminToken(build: AppBuild, stack: BenchStack, options: ProcessOptions): string {
  let token = adminTokens.get(stack);
  if (!token) {
    const output = execFileSync(process.execPath, [...build.script('src/cli/token-create.ts'), '--role', 'admin', '--label', 'benchmark'], {
      env: childEnv(stack, options),
      encoding: 'utf8',
    });
    token = /cm_[A-Za-z0-9_-]{43}/.exec(output)?.[0];
    if (!token) throw new Error(`token:create printed no token: ${output}`);
    adminTokens.set(stack, token);
  }
  return token;
}

/**
 * A reference for the machine's speed at the time of the run: a bare node:http server answering
 * every request with the same ~2.5 KB JSON (about the size of a suggestions answer).
 */
export async function startReferenceServer(): Promise<ApiProcess> {
  const port = await freePort();
  const script = `
    const body = JSON.stringify({ suggestions: Array.from({ length: 20 }, (_, i) => ({ rank: i + 1, memberId: 'gn-' + (1000000 + i), name: 'City ' + i, country: 'JP', subregion: 'Eastern Asia', population: 123456, score: 0.5 })) });
    require('node:http').createServer((req, res) => { res.setHeader('content-type', 'application/json'); res.end(body); }).listen(${port}, '127.0.0.1');`;
  const server = start(['-e', script], process.env);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(server, 'reference server', async () => (await fetch(baseUrl).catch(() => undefined))?.ok === true);
  return { ...server, baseUrl, headers: {} };
}

/** The suggestions route in Nest with a fixed answer and no database (nest-reference.ts). */
export async function startNestReference(build: AppBuild): Promise<ApiProcess> {
  const port = await freePort();
  // Started as the API is, so that the two compare.
  const server = start([...apiNodeOptions(), ...build.script('test/bench/pipeline/nest-reference.ts'), String(port)], process.env);
  const baseUrl = `http://127.0.0.1:${port}`;
  const probe = `${baseUrl}/api/v1/members/x/suggestions`;
  await waitFor(server, 'Nest reference', async () => (await fetch(probe).catch(() => undefined))?.ok === true);
  return { ...server, baseUrl, headers: {} };
}

/** A standalone worker; ready once it logs that it processes jobs (it logs at info for that). */
export async function startWorker(build: AppBuild, stack: BenchStack, options: ProcessOptions = {}): Promise<AppProcess> {
  const worker = start(build.script('src/worker.ts'), childEnv(stack, { logLevel: 'info', ...options }), options.cpus);
  await waitFor(worker, 'worker', async () => worker.output().includes('processing jobs with concurrency'));
  return worker;
}

async function waitFor(app: AppProcess, what: string, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (app.child.exitCode !== null) throw new Error(`${what} exited during start:\n${tail(app)}`);
    if (Date.now() > deadline) throw new Error(`${what} not ready in ${timeoutMs} ms:\n${tail(app)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const tail = (app: AppProcess) => app.output().split('\n').slice(-20).join('\n');

/**
 * The jobs' steps timed one by one, in a child process started like a worker (breakdown-child.ts),
 * on the given cores if any.
 */
export function runBreakdown(
  build: AppBuild,
  stack: BenchStack,
  shardSize: number,
  { parts, cpus }: { parts?: Array<'shard' | 'incremental' | 'read'>; cpus?: string } = {},
): Promise<Record<'shard' | 'incremental' | 'read', Steps>> {
  const args = [
    ...build.script('test/bench/pipeline/breakdown-child.ts'),
    JSON.stringify({ databaseUrl: stack.databaseUrl, shardSize, parts }),
  ];
  const [command, ...rest] = cpus === undefined ? [process.execPath, ...args] : [TASKSET, '-c', cpus, process.execPath, ...args];
  return new Promise((resolve, reject) => {
    const child = execFile(command, rest, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`breakdown failed: ${stderr || error.message}`)) : resolve(JSON.parse(stdout)),
    );
    running.add(child);
    child.once('exit', () => running.delete(child));
  });
}

/** The benchmark's own processes: itself and every child still running (API, workers, references). */
export function benchmarkPids(): number[] {
  return [process.pid, ...[...running].map((child) => child.pid).filter((pid): pid is number => pid !== undefined)];
}

/** Ends every child still running (used when the benchmark is interrupted or fails). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Removes the children's log files, once they have all stopped. */
export function removeLogs(): void {
  if (logDir) rmSync(logDir, { recursive: true, force: true });
  logDir = undefined;
}
