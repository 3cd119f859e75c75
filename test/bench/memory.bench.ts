/**
 * npm run bench:memory [-- --source]: resident memory of the embedded API with the demo network
 * (6,094 members). Starts the API as `npm run start:prod` runs it (same node options; compiled with
 * swc into a private directory, or from source with --source) on a fresh DATA_DIR, and prints
 * RSS, V8 heap, external and array-buffer memory at ready, after the first full recompute, and the
 * same after a full GC; then once more for a restart on the same data (no initdb, no seed).
 * Target: RSS under 500 MB at ready.
 *
 *   BENCH_NODE_ARGS='--heap-prof --heap-prof-dir=/tmp/heap' npm run bench:memory   # with a heap profile
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../support/free-port';
import { apiNodeOptions, buildApp } from './pipeline/compiled-app';

const MB = 1024 * 1024;
const PRELOAD = resolve(__dirname, 'memory/report-memory.js');
/** Logged by the pipeline once a generation is current (see FullRecomputeService.finish). */
const RECOMPUTED = /generation \d+ is now current/;
/** MatchingThreads stops its threads after 30 s without work. */
const THREADS_IDLE_MS = 35_000;

interface Api {
  child: ChildProcess;
  started: number;
  port: number;
  output: () => string;
}

async function startApi(script: string[], dataDir: string): Promise<Api> {
  const port = await freePort();
  const extra = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...apiNodeOptions(), '--expose-gc', ...extra, '-r', PRELOAD, ...script], {
    cwd: resolve(__dirname, '../..'),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      // glibc's allocator settings, to compare (for example MALLOC_ARENA_MAX=2).
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('MALLOC_'))),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return { child, started: performance.now(), port, output: () => output };
}

async function waitFor(what: string, api: Api, done: () => Promise<boolean> | boolean, timeoutMs = 900_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (api.child.exitCode !== null) throw new Error(`the API exited (${api.child.exitCode}) before ${what}:\n${api.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${what} after ${timeoutMs} ms:\n${api.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ready = (api: Api) => () =>
  fetch(`http://127.0.0.1:${api.port}/health`).then(
    (response) => response.ok,
    () => false,
  );

function memoryOf(api: Api, gc: boolean): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve) => {
    const answer = (message: { type?: string; usage: NodeJS.MemoryUsage }) => {
      if (message?.type !== 'memory') return;
      api.child.off('message', answer);
      resolve(message.usage);
    };
    api.child.on('message', answer);
    api.child.send({ type: 'memory', gc });
  });
}

async function report(label: string, api: Api): Promise<void> {
  const since = ((performance.now() - api.started) / 1000).toFixed(1);
  for (const gc of [false, true]) {
    const usage = await memoryOf(api, gc);
    const cells = [usage.rss, usage.heapUsed, usage.heapTotal, usage.external, usage.arrayBuffers].map((bytes) => (bytes / MB).toFixed(0));
    console.log(`| ${label}${gc ? ', after a full GC' : ''} | ${since} | ${cells.join(' | ')} |`);
  }
}

async function stop(api: Api): Promise<void> {
  const exited = new Promise((resolve) => api.child.once('exit', resolve));
  api.child.kill('SIGTERM');
  await exited;
}

async function main(): Promise<void> {
  const build = await buildApp(process.argv.includes('--source') ? 'source' : 'compiled');
  const dataDir = mkdtempSync(join(tmpdir(), 'citymatch-memory-bench-'));
  console.log(`| moment (${build.runtime}) | s since start | RSS MB | heap used MB | heap total MB | external MB | array buffers MB |`);
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  try {
    const first = await startApi(build.script('src/main.ts'), dataDir);
    await waitFor('ready', first, ready(first));
    await report('first start (initdb, demo seed): ready', first);
    await waitFor('first recompute', first, () => RECOMPUTED.test(first.output()));
    await report('first start: first recompute done', first);
    await new Promise((resolve) => setTimeout(resolve, THREADS_IDLE_MS));
    await report('first start: 35 s later (idle matching threads stopped)', first);
    await stop(first);

    const again = await startApi(build.script('src/main.ts'), dataDir);
    await waitFor('ready', again, ready(again));
    await report('restart on the same data: ready', again);
    await stop(again);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    build.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
