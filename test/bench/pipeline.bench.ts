/**
 * npm run bench:pipeline [-- --parts seed,world --samples 50 --seconds 10 --world 25000 --runtime compiled|source --no-docs]
 * npm run bench:pipeline -- --parts seed --only updates,reads   (a subset of the seed part, printed as JSON)
 *
 * The suggestions pipeline on PostgreSQL + Redis, as deployed: the API (and standalone workers) run
 * as child processes on loopback, each part on a database and Redis prefix of its own, dropped at
 * the end. Results are printed and written to the "Suggestions pipeline" section of
 * docs/benchmarks.md.
 *
 *  seed   the ~6,100-city demo seed, API with inline workers: full recompute after an import and on
 *         POST /recompute; one member's update until its own suggestions read back changed;
 *         GET …/suggestions under autocannon (unfiltered at LOG_LEVEL warn and info, theme filter),
 *         beside a bare node:http server and the same route in Nest without the database;
 *         then the jobs' steps timed one by one in a child process started like a worker.
 *         `--only recompute,updates,reads,steps` runs the import and just those, for profiling;
 *         BENCH_NODE_ARGS (e.g. --cpu-prof) is given to the app's processes.
 *  world  the 25,000 most populous GeoNames cities, API with WORKERS=off: a full recompute with one
 *         standalone worker process, then with two, each timed from the recompute job's arrival
 *         in the queue (three runs of each for the target's placement, compared by their medians). Workers are meant to scale out across machines, and one worker already runs
 *         a matching thread per core, so the target is measured with each worker pinned to one core
 *         (taskset), standing for a one-core machine that takes one job at a time
 *         (WORKER_CONCURRENCY=1), while PostgreSQL, Redis, the API and the benchmark float on all
 *         cores; the same with the default concurrency, and without pinning, follow for comparison. Then one
 *         shard job's steps on one core. `--worker-env RECOMPUTE_SHARD_SIZE=1000,WORKER_CONCURRENCY=1`
 *         tries other settings on the workers.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_SEED, loadGeoNamesProfiles } from '../../src/members/seed';
import { createBenchStack, type BenchStack } from './pipeline/bench-stack';
import { apiNodeOptions, type AppBuild, buildApp, type Runtime } from './pipeline/compiled-app';
import { loadTest } from './pipeline/http-load';
import {
  type ApiProcess,
  type AppProcess,
  killAll,
  removeLogs,
  runBreakdown,
  startApi,
  startNestReference,
  startReferenceServer,
  startWorker,
} from './pipeline/processes';
import { type RecomputeRun, timeRecompute, waitIdle } from './pipeline/recompute-timeline';
import { type PipelineResults, renderMarkdown, writeToDocs } from './pipeline/report';
import { measureUpdates } from './pipeline/update-latency';

const ROOT = join(__dirname, '../..');
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SHARD_SIZE = 1500; // RECOMPUTE_SHARD_SIZE's default

const cleanups: Array<() => Promise<void> | void> = [];
const log = (message: string) => console.error(`[bench:pipeline] ${message}`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      parts: { type: 'string', default: 'seed,world' },
      samples: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '10' },
      world: { type: 'string', default: '25000' },
      runtime: { type: 'string', default: 'compiled' },
      only: { type: 'string' },
      'worker-env': { type: 'string' },
      'no-docs': { type: 'boolean', default: false },
    },
  });
  const parts = values.parts.split(',');
  // e.g. --worker-env RECOMPUTE_SHARD_SIZE=1000,WORKER_CONCURRENCY=1, to try settings on the world part's workers
  const workerEnv = Object.fromEntries((values['worker-env']?.split(',') ?? []).map((pair) => pair.split('=', 2)));
  const only = values.only?.split(',');
  const machine = await describeMachine();
  log(machine);
  const build = await buildApp(values.runtime as Runtime);
  cleanups.push(() => build.dispose(), removeLogs);
  const results: PipelineResults = {
    machine,
    cores: cpus().length,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    command: ['npm run bench:pipeline', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    setup:
      `API and workers run ${build.runtime === 'compiled' ? 'compiled (swc, as `nest build`)' : 'from TypeScript sources (@swc-node/register)'} ` +
      `as child processes with LOG_LEVEL=warn unless noted, K = 50, shards of 1,500 members, WORKER_CONCURRENCY = 2; the API (and the Nest reference) with start:prod's node options (${apiNodeOptions().join(' ')}); ` +
      'autocannon runs in the benchmark process on loopback, 100 connections, random member ids, after a 2 s warm-up.' +
      (values['worker-env'] ? ` The world part's workers run with ${values['worker-env']}.` : ''),
  };
  if (parts.includes('seed')) results.seed = await seedPart(build, Number(values.samples), Number(values.seconds), only);
  if (parts.includes('world')) Object.assign(results, await worldPart(build, Number(values.world), workerEnv));
  if (only) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }

  results.setup += ` 1-minute load average at the end ${loadavg()[0].toFixed(2)}.`;
  const markdown = renderMarkdown(results);
  console.log(`\n${markdown}\n`);
  if (!values['no-docs']) {
    writeToDocs(join(ROOT, 'docs/benchmarks.md'), markdown);
    log('written to docs/benchmarks.md');
  }
}

async function seedPart(build: AppBuild, samples: number, seconds: number, only?: string[]): Promise<PipelineResults['seed']> {
  const runs = (part: string) => !only || only.includes(part);
  const stack = await newStack();
  const records = loadGeoNamesProfiles(DEMO_SEED);
  const ids = records.map((record) => record.id);
  let api = await track(startApi(build, stack, { workers: 'inline' }));

  log(`importing ${records.length} cities and waiting for the generation switch`);
  const importRun = await timeRecompute(stack, () => post(api, '/api/v1/members/import', records), [api.child.pid!]);
  await waitIdle(stack);
  const postRuns = [];
  for (let i = 0; i < (runs('recompute') ? 3 : 0); i++) {
    log(`POST /recompute #${i + 1}`);
    postRuns.push(await timeRecompute(stack, () => post(api, '/api/v1/recompute'), [api.child.pid!]));
    await waitIdle(stack);
  }

  // The default shard size cuts the seed into 5 shards; each pair across two shards is scored from
  // both sides, so the kernel does ~1.7 times the work of one pass. One shard, for comparison:
  let oneShardRun;
  if (runs('recompute')) {
    await api.stop();
    api = await track(startApi(build, stack, { workers: 'inline', env: { RECOMPUTE_SHARD_SIZE: String(records.length) } }));
    log('POST /recompute with one shard (for comparison)');
    oneShardRun = await timeRecompute(stack, () => post(api, '/api/v1/recompute'), [api.child.pid!]);
    await waitIdle(stack);
    await api.stop();
    api = await track(startApi(build, stack, { workers: 'inline' }));
  }

  log(`${samples} member updates, each until its suggestions read back changed`);
  const updates = runs('updates') ? await measureUpdates(stack, api, ids, samples) : [];

  const reads: NonNullable<PipelineResults['seed']>['reads'] = [];
  const unfiltered = (id: string) => `/api/v1/members/${id}/suggestions`;
  if (runs('reads')) {
    log(`reference: a bare node:http server, ${seconds} s`);
    const reference = await track(startReferenceServer());
    reads.push({
      label: "reference: bare `node:http` server answering a fixed 2.5 KB JSON (the machine's ceiling)",
      result: await loadTest(reference, ids, unfiltered, { seconds }),
    });
    await reference.stop();
    log(`reference: the suggestions route in Nest without the database, ${seconds} s`);
    const nestReference = await track(startNestReference(build));
    reads.push({
      label: 'reference: the same route in Nest (adapter, validation pipe, DTO, request logger) with a fixed answer, no database',
      result: await loadTest(nestReference, ids, unfiltered, { seconds, stack, pids: [nestReference.child.pid!] }),
    });
    await nestReference.stop();
    log(`GET suggestions, unfiltered, ${seconds} s`);
    reads.push({
      label: 'GET …/suggestions, no filter',
      result: await loadTest(api, ids, unfiltered, { seconds, stack, pids: [api.child.pid!] }),
      target: (r) => r.requestsPerSecond >= 3000 && r.p99 <= 30,
      targetText: '≥ 3,000 req/s, p99 ≤ 30 ms',
    });
    log(`GET suggestions?theme=climate-change on one connection, ${seconds} s`);
    reads.push({
      label: 'GET …/suggestions?theme=climate-change, 1 connection (the cost of one request)',
      result: await loadTest(api, ids, (id) => `${unfiltered(id)}?theme=climate-change`, {
        connections: 1,
        seconds,
        warmupSeconds: 0,
        stack,
        pids: [api.child.pid!],
      }),
    });
    log(`GET suggestions?theme=climate-change, ${seconds} s`);
    reads.push({
      label: 'GET …/suggestions?theme=climate-change (warmed up by the run above)',
      result: await loadTest(api, ids, (id) => `${unfiltered(id)}?theme=climate-change`, {
        seconds,
        warmupSeconds: 0,
        stack,
        pids: [api.child.pid!],
      }),
      target: (r) => r.requestsPerSecond >= 500,
      targetText: '≥ 500 req/s',
    });
    await api.stop();
    api = await track(startApi(build, stack, { workers: 'inline', logLevel: 'info' }));
    log(`GET suggestions, unfiltered, request logs on, ${seconds} s`);
    await loadTest(api, ids, unfiltered, { seconds: 2, warmupSeconds: 0 });
    const linesBefore = api.output().split('\n').length;
    const withLogs = await loadTest(api, ids, unfiltered, { seconds, warmupSeconds: 0, stack, pids: [api.child.pid!] });
    const linesPerRequest = (api.output().split('\n').length - linesBefore) / withLogs.requests;
    reads.push({
      label: `GET …/suggestions, no filter, LOG_LEVEL=info (${linesPerRequest.toFixed(1)} JSON log lines per request, to a file)`,
      result: withLogs,
    });
  }
  await api.stop();

  log("timing the jobs' steps one by one");
  const steps = runs('steps') ? await runBreakdown(build, stack, SHARD_SIZE) : { shard: [], incremental: [], read: [] };
  await stack.dispose();
  return {
    importRun,
    postRuns,
    oneShardRun,
    updates,
    reads,
    shardSteps: steps.shard,
    incrementalSteps: steps.incremental,
    readSteps: steps.read,
  };
}

/** How the world part places the worker processes on the cores. */
interface Placement {
  label: string;
  /** taskset core lists of the first and of the second worker; none: both may use every core. */
  cpus?: [string, string];
  /** Settings of these workers (`--worker-env` overrides them). */
  env?: Record<string, string>;
  forComparison?: boolean;
}

const PLACEMENTS: Placement[] = [
  {
    label:
      'scale-out, each worker pinned to one core with taskset, standing for a one-core machine, and so taking one job at a time (`WORKER_CONCURRENCY=1`); PostgreSQL, Redis and the API float on both cores',
    cpus: ['0', '1'],
    env: { WORKER_CONCURRENCY: '1' },
  },
  {
    label: "the same with the default `WORKER_CONCURRENCY=2`: two shards share each worker's one core",
    cpus: ['0', '1'],
    forComparison: true,
  },
  {
    label: 'unpinned: one worker already runs a matching thread per core, so a second has no core of its own',
    forComparison: true,
  },
];

async function worldPart(
  build: AppBuild,
  size: number,
  env: Record<string, string>,
): Promise<Pick<PipelineResults, 'scaleOut' | 'scaleOutSteps'>> {
  const records = loadGeoNamesProfiles({ minPopulation: 5000, region: 'world' })
    .sort((a, b) => b.population - a.population || (a.id < b.id ? -1 : 1))
    .slice(0, size);
  const stack = await newStack();
  const api = await track(startApi(build, stack, { workers: 'off' }));
  // The import's own recompute warms PostgreSQL (the new rows, a first generation); every measured
  // run is a POST /recompute on the same data, timed from the recompute job's arrival in the queue.
  log(`scale-out: importing ${records.length} cities (its recompute is not measured)`);
  const warmUp = await track(startWorker(build, stack, { env }));
  await timeRecompute(stack, () => post(api, '/api/v1/members/import', records));
  await waitIdle(stack);
  await warmUp.stop();
  // What each worker process pays once (reading and preparing the snapshot) against what each shard costs.
  log("scale-out: one shard job's steps, on one core");
  const shardSize = Number(env.RECOMPUTE_SHARD_SIZE ?? SHARD_SIZE);
  const scaleOutSteps = (await runBreakdown(build, stack, shardSize, { parts: ['shard'], cpus: '0' })).shard;
  const results: NonNullable<PipelineResults['scaleOut']> = [];
  const recompute = async (workers: AppProcess[]) => {
    await settle(stack);
    const run = await timeRecompute(
      stack,
      () => post(api, '/api/v1/recompute'),
      workers.map((worker) => worker.child.pid!),
      { pollMs: 50 },
    );
    await waitIdle(stack);
    return run;
  };
  for (const placement of PLACEMENTS) {
    // Fresh processes: a worker sizes its thread pool from its cores once, on first use.
    const placed = { ...placement.env, ...env };
    // One run of each moves by a tenth from run to run here: the target's ratio is of medians of three.
    const repeat = placement.forComparison ? 1 : 3;
    const first = await track(startWorker(build, stack, { env: placed, cpus: placement.cpus?.[0] }));
    const ones: RecomputeRun[] = [];
    for (let i = 0; i < repeat; i++) {
      log(`${placement.label}: full recompute with 1 worker (${i + 1} of ${repeat})`);
      ones.push(await recompute([first]));
    }
    const second = await track(startWorker(build, stack, { env: placed, cpus: placement.cpus?.[1] }));
    const twos: RecomputeRun[] = [];
    for (let i = 0; i < repeat; i++) {
      log(`${placement.label}: full recompute with 2 workers (${i + 1} of ${repeat})`);
      twos.push(await recompute([first, second]));
    }
    await Promise.all([first.stop(), second.stop()]);
    results.push({
      label: placement.label,
      members: records.length,
      one: medianRun(ones),
      two: medianRun(twos),
      ones,
      twos,
      forComparison: placement.forComparison,
    });
  }
  await api.stop();
  await stack.dispose();
  return { scaleOut: results, scaleOutSteps };
}

/**
 * Each recompute deletes the previous generation's rows, and this server runs without autovacuum:
 * without a VACUUM every run would write into a more bloated table than the one before, and a
 * checkpoint left pending would land in whichever run comes next.
 */
async function settle(stack: BenchStack): Promise<void> {
  await stack.db.query('VACUUM ANALYZE');
  // CHECKPOINT needs a superuser or pg_checkpoint; without, the runs are only less alike.
  await stack.db.query('CHECKPOINT').catch((error: Error) => log(`CHECKPOINT skipped: ${error.message}`));
}

/** The run whose time from the recompute job's arrival is the median (of an odd count). */
function medianRun(runs: RecomputeRun[]): RecomputeRun {
  return [...runs].sort((a, b) => a.fromEnqueueSeconds - b.fromEnqueueSeconds)[(runs.length - 1) >> 1];
}

async function newStack(): Promise<BenchStack> {
  const stack = await createBenchStack(SERVER_URL, REDIS_URL);
  cleanups.push(() => stack.dispose());
  return stack;
}

async function track<T extends AppProcess>(started: Promise<T>): Promise<T> {
  const app = await started;
  cleanups.push(() => app.stop());
  return app;
}

async function post(api: ApiProcess, path: string, body?: unknown): Promise<void> {
  const url = `${api.baseUrl}${path}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: body === undefined ? api.headers : { ...api.headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${(await response.text()).slice(0, 500)}`);
}

async function describeMachine(): Promise<string> {
  const stack = await createBenchStack(SERVER_URL, REDIS_URL);
  try {
    const {
      rows: [{ server_version }],
    } = await stack.db.query('SHOW server_version');
    const redis = /redis_version:(\S+)/.exec(await stack.redis.info('server'))?.[1];
    return (
      `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GB, ` +
      `node ${process.version}, PostgreSQL ${server_version.split(' ')[0]}, Redis ${redis}; ` +
      `1-minute load average at start ${loadavg()[0].toFixed(2)}`
    );
  } finally {
    await stack.dispose();
  }
}

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch((error: Error) => log(`cleanup: ${error.message}`));
  cleanups.length = 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    killAll();
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanUp);
