import type { Job } from 'bullmq';
import type { BenchStack } from './bench-stack';
import { type BusySpan, startBusySampler, startCpuMeter } from './cpu';

export interface RecomputeRun {
  generationId: number;
  seconds: number;
  rows: number;
  members: number;
  shards: number;
  /** Named phases in seconds, in order (from the jobs' processedOn/finishedOn and the generation row). */
  phases: Array<[string, number]>;
  /** Each shard job's duration, in the order they started. */
  shardSeconds: number[];
  /** After the switch, still in the finish job: deleting the superseded generation's rows. */
  cleanupSeconds: number;
  /** From the recompute job's arrival in the queue until the switch (leaves out the request that caused it). */
  fromEnqueueSeconds: number;
  /** CPU time of the given processes (all their threads) during the run, in cores on average. */
  processCores: number;
  /** CPU of the PostgreSQL backends serving this database during the run, in cores on average. */
  postgresCores: number;
  /** Busy CPU of the whole machine during the run (this benchmark, PostgreSQL, anything else), in cores. */
  machineCores: number;
  /** CPU of the benchmark process and its other children (the API), in cores. */
  benchmarkCores: number;
  /** CPU of everything else on the machine (see CpuUse.others), in cores. */
  otherCores: number;
  /** Per given process (a worker): its CPU, and how long it idled while the last shard was finished elsewhere. */
  processes: ProcessBusy[];
}

export interface ProcessBusy {
  cpuSeconds: number;
  /** From the last time the process used half a core until the last shard was stored: its idle tail. */
  idleTailSeconds: number;
}

export async function currentGenerationId(stack: BenchStack): Promise<number | null> {
  const { rows } = await stack.db.query('SELECT current_generation_id AS id FROM suggestion_state WHERE id = 1');
  return rows[0]?.id ?? null;
}

/**
 * Times one full recompute: from sending the request that causes it until readers see the new
 * generation (suggestion_state points at it), polled every `pollMs`. Polling costs CPU in this
 * process and in PostgreSQL; runs of many seconds can poll less often.
 */
export async function timeRecompute(
  stack: BenchStack,
  trigger: () => Promise<void>,
  pids: number[] = [],
  { pollMs = 10, timeoutMs = 300_000 }: { pollMs?: number; timeoutMs?: number } = {},
): Promise<RecomputeRun> {
  const before = await currentGenerationId(stack);
  const cpu = await startCpuMeter(stack, pids);
  const busy = startBusySampler(pids);
  const sent = Date.now();
  await trigger();
  const accepted = Date.now();
  let current = before;
  while (current === before || current === null) {
    if (Date.now() - sent > timeoutMs) throw new Error(`no new generation within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    current = await currentGenerationId(stack);
  }
  const switched = Date.now();
  const used = await cpu();
  const spans = busy();
  const {
    rows: [generation],
  } = await stack.db.query(
    `SELECT member_count, shards_total, (SELECT coalesce(sum(cardinality(scores)), 0)::int FROM suggestion_lists WHERE generation_id = $1) AS rows
     FROM suggestion_generations WHERE id = $1`,
    [current],
  );
  await waitIdle(stack); // the finish job goes on after the switch (it deletes the superseded rows)
  const jobs = await stack.queue.getJobs(['completed'], 0, -1);
  const start = jobs.find((job) => job.name === 'suggestions.recompute' && job.timestamp >= sent - 50);
  const shards = jobs.filter((job) => job.name === 'suggestions.shard' && job.data.generationId === current);
  const finish = jobs.find((job) => job.name === 'suggestions.finish' && job.data.generationId === current);
  return {
    generationId: current,
    seconds: (switched - sent) / 1000,
    rows: generation.rows,
    members: generation.member_count,
    shards: generation.shards_total,
    phases: phasesOf({ sent, accepted, switched }, start, shards, finish),
    shardSeconds: [...shards].sort((a, b) => a.processedOn! - b.processedOn!).map((job) => (job.finishedOn! - job.processedOn!) / 1000),
    cleanupSeconds: finish && before !== null ? (finish.finishedOn! - switched) / 1000 : Number.NaN,
    fromEnqueueSeconds: start ? (switched - start.timestamp) / 1000 : Number.NaN,
    processCores: used.process,
    postgresCores: used.postgres,
    machineCores: used.machine,
    benchmarkCores: used.benchmark,
    otherCores: used.others,
    processes: spans.map((span) => busyOf(span, shards)),
  };
}

function busyOf(span: BusySpan, shards: Job[]): ProcessBusy {
  if (shards.length === 0) return { cpuSeconds: span.cpuSeconds, idleTailSeconds: Number.NaN };
  const lastShard = Math.max(...shards.map((job) => job.finishedOn!));
  const last = span.busyAt.filter((at) => at <= lastShard + 100).at(-1) ?? Number.NaN;
  return { cpuSeconds: span.cpuSeconds, idleTailSeconds: Math.max(0, lastShard - last) / 1000 };
}

function phasesOf(
  times: { sent: number; accepted: number; switched: number },
  start?: Job,
  shards: Job[] = [],
  finish?: Job,
): Array<[string, number]> {
  if (!start || !finish || shards.length === 0) return [['(job timings not found)', 0]];
  const lastShard = Math.max(...shards.map((job) => job.finishedOn!));
  const phases: Array<[string, number]> = [
    ['request', times.accepted - times.sent],
    ['outbox relay', start.timestamp - times.accepted],
    ['queue pickup', start.processedOn! - start.timestamp],
    ['snapshot + flow (recompute job)', start.finishedOn! - start.processedOn!],
    ['shards (until the last is stored)', lastShard - start.finishedOn!],
    ['switch pickup', finish.processedOn! - lastShard],
    ['switch (finish job until readers see the new generation)', times.switched - finish.processedOn!],
  ];
  return phases.map(([name, ms]) => [name, ms / 1000]);
}

/** Waits until the queue has nothing waiting or running (deleting a superseded generation, rechecks). */
export async function waitIdle(stack: BenchStack, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await stack.queue.getJobCounts('waiting-children', 'prioritized', 'waiting', 'active', 'delayed');
    const {
      rows: [{ outbox }],
    } = await stack.db.query('SELECT count(*)::int AS outbox FROM outbox');
    if (outbox === 0 && Object.values(counts).every((count) => count === 0)) return;
    if (Date.now() > deadline) throw new Error(`queue not idle: ${JSON.stringify(counts)}, outbox ${outbox}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
