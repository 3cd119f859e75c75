import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Steps } from './breakdown';
import type { LoadResult } from './http-load';
import type { RecomputeRun } from './recompute-timeline';
import { median, percentile } from './stats';
import { UPDATE_PHASES, type UpdateSample } from './update-latency';

export interface PipelineResults {
  machine: string;
  /** The machine's cores, for the scale-out ceiling. */
  cores: number;
  date: string;
  command: string;
  setup: string;
  seed?: {
    importRun: RecomputeRun;
    postRuns: RecomputeRun[];
    /** POST /recompute with RECOMPUTE_SHARD_SIZE set to the member count: one shard. */
    oneShardRun?: RecomputeRun;
    updates: UpdateSample[];
    reads: Array<{ label: string; result: LoadResult; target?: (r: LoadResult) => boolean; targetText?: string }>;
    shardSteps: Steps;
    incrementalSteps: Steps;
    readSteps: Steps;
  };
  /** The world part, one entry per placement of the workers on the cores; `forComparison` has no target. */
  /** `one` and `two` are the median runs of `ones` and `twos` when there are several. */
  scaleOut?: Array<{
    label: string;
    members: number;
    one: RecomputeRun;
    two: RecomputeRun;
    ones?: RecomputeRun[];
    twos?: RecomputeRun[];
    forComparison?: boolean;
  }>;
  /** One shard job's steps on the world data, in a process pinned to one core. */
  scaleOutSteps?: Steps;
}

const s = (seconds: number) => (Number.isNaN(seconds) ? '–' : `${seconds.toFixed(2)} s`);
const ms = (value: number) => `${Math.round(value)} ms`;
const n = (value: number) => Math.round(value).toLocaleString('en');
const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

export function renderMarkdown(r: PipelineResults): string {
  const out: string[] = [];
  out.push('### Results', '', `Measured ${r.date} on ${r.machine}.`, '', `Command: \`${r.command}\`. ${r.setup}`, '');
  out.push('| measure | result | target | |', '| --- | ---: | --- | --- |');
  const seed = r.seed;
  if (seed) {
    const run = seed.importRun;
    const post = median(seed.postRuns.map((p) => p.seconds));
    // The target is the recompute; the import request before it (validating and storing the records) is shown beside it.
    const request = run.phases.find(([phase]) => phase === 'request')?.[1] ?? 0;
    const recompute = run.seconds - request;
    out.push(
      `| full recompute after an import of ${n(run.members)} cities (import answered → generation switched; ${n(run.rows)} suggestions stored, ${run.shards} shards) | ${s(recompute)} (the import request before it: ${s(request)}) | ≤ 2 s | ${mark(recompute <= 2)} |`,
    );
    out.push(
      `| full recompute, \`POST /recompute\` on imported data (median of ${seed.postRuns.length}) | ${s(post)} | ≤ 2 s | ${mark(post <= 2)} |`,
    );
    if (seed.oneShardRun) {
      out.push(
        `| full recompute, \`POST /recompute\`, one shard (\`RECOMPUTE_SHARD_SIZE=${n(seed.oneShardRun.members)}\`; one run) | ${s(seed.oneShardRun.seconds)} | (for comparison) |  |`,
      );
    }
    const latencies = seed.updates.map((u) => u.ms);
    const p95 = percentile(latencies, 95);
    out.push(
      `| one member's update readable with its new suggestions, p50 / p95 (${latencies.length} samples) | ${ms(median(latencies))} / ${ms(p95)} | p95 ≤ 250 ms | ${mark(p95 <= 250)} |`,
    );
    for (const read of seed.reads) {
      const failed = read.result.failed ? `, ${n(read.result.failed)} errors or timeouts (10 s)` : '';
      const result = `${n(read.result.requestsPerSecond)} req/s, p50 ${ms(read.result.p50)}, p99 ${ms(read.result.p99)}${failed}`;
      out.push(
        `| ${read.label} | ${result} | ${read.targetText ?? '(for comparison)'} | ${read.target ? mark(read.target(read.result)) : ''} |`,
      );
    }
  }
  for (const scale of r.scaleOut ?? []) {
    const speedUp = scale.one.fromEnqueueSeconds / scale.two.fromEnqueueSeconds;
    const target = scale.forComparison ? '(for comparison) | ' : `≥ 1.7× | ${mark(speedUp >= 1.7)}`;
    const times = (runs?: RecomputeRun[]) => (runs ?? []).map((run) => run.fromEnqueueSeconds.toFixed(2)).join(', ');
    const repeated =
      (scale.ones?.length ?? 1) > 1 ? `, median of ${scale.ones!.length} (${times(scale.ones)} s → ${times(scale.twos)} s)` : '';
    out.push(
      `| full recompute of ${n(scale.members)} cities (recompute job queued → switched), 1 worker process → 2; ${scale.label}${repeated} | ${s(scale.one.fromEnqueueSeconds)} → ${s(scale.two.fromEnqueueSeconds)} = ${speedUp.toFixed(2)}× | ${target} |`,
    );
  }
  if (seed) {
    out.push('', "#### Full recompute (6,094 cities), phases from the jobs' timestamps", '');
    const runs = [
      ['after import', seed.importRun] as const,
      ...seed.postRuns.map((p, i) => [`POST #${i + 1}`, p] as const),
      ...(seed.oneShardRun ? [['POST, one shard', seed.oneShardRun] as const] : []),
    ];
    out.push(`| phase | ${runs.map(([label]) => label).join(' | ')} |`, `| --- |${runs.map(() => ' ---: |').join('')}`);
    seed.importRun.phases.forEach(([phase], index) =>
      out.push(`| ${phase} | ${runs.map(([, run]) => s(run.phases[index]?.[1] ?? NaN)).join(' | ')} |`),
    );
    out.push(`| **total** | ${runs.map(([, run]) => `**${s(run.seconds)}**`).join(' | ')} |`);
    out.push(
      `| CPU of the API process (inline workers), cores on average | ${runs.map(([, run]) => run.processCores.toFixed(2)).join(' | ')} |`,
    );
    out.push(
      `| CPU of PostgreSQL (this database's backends), cores on average | ${runs.map(([, run]) => run.postgresCores.toFixed(2)).join(' | ')} |`,
    );
    out.push(
      `| CPU of the whole machine (anything running), cores on average | ${runs.map(([, run]) => run.machineCores.toFixed(2)).join(' | ')} |`,
    );
    out.push(
      `| (after the switch, in the finish job: deleting the previous generation's rows) | ${runs.map(([, run]) => s(run.cleanupSeconds)).join(' | ')} |`,
    );
    out.push(`| each shard job | ${runs.map(([, run]) => run.shardSeconds.map((x) => x.toFixed(2)).join(', ')).join(' | ')} |`);
    out.push('', "#### Inside the jobs: the app's functions run step by step, in a process started like a worker, on the same data", '');
    out.push('| step | time |', '| --- | ---: |');
    for (const [step, value] of seed.shardSteps) out.push(`| recompute: ${step} | ${ms(value)} |`);
    for (const [step, value] of seed.incrementalSteps) out.push(`| incremental: ${step} | ${ms(value)} |`);
    for (const [step, value] of seed.readSteps) out.push(`| GET: ${step} | ${value.toFixed(1)} ms |`);
    out.push('', '#### GET under load: CPU during each measured run', '');
    out.push(
      '| run | API process, cores | PostgreSQL, cores | machine busy, cores | API CPU per answered request | PostgreSQL CPU per answered request |',
    );
    out.push('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const { label, result } of seed.reads) {
      if (!result.cpu || result.requests === 0) continue;
      const per = (cpuSeconds: number) => `${((cpuSeconds * 1000) / result.requests).toFixed(1)} ms`;
      out.push(
        `| ${label} | ${result.cpu.process.toFixed(2)} | ${result.cpu.postgres.toFixed(2)} | ${result.cpu.machine.toFixed(2)} | ${per(result.cpu.processSeconds)} | ${per(result.cpu.postgresSeconds)} |`,
      );
    }
    out.push('', '#### Update → readable, phases (p50 / p95 of each)', '');
    out.push('| phase | p50 | p95 |', '| --- | ---: | ---: |');
    const phased = seed.updates.filter((u) => u.phases);
    for (const phase of UPDATE_PHASES) {
      const values = phased.map((u) => u.phases![phase]);
      out.push(`| ${phase} | ${ms(median(values))} | ${ms(percentile(values, 95))} |`);
    }
  }
  for (const scale of r.scaleOut ?? []) {
    out.push('', `#### ${scale.label}: ${n(scale.members)} cities, phases`, '');
    out.push('| phase | 1 worker | 2 workers |', '| --- | ---: | ---: |');
    scale.one.phases.forEach(([phase, one], index) => out.push(`| ${phase} | ${s(one)} | ${s(scale.two.phases[index]?.[1] ?? NaN)} |`));
    out.push(`| total, request sent → switched | ${s(scale.one.seconds)} | ${s(scale.two.seconds)} |`);
    out.push(`| **recompute job queued → switched** | **${s(scale.one.fromEnqueueSeconds)}** | **${s(scale.two.fromEnqueueSeconds)}** |`);
    const shardSum = (run: RecomputeRun) => run.shardSeconds.reduce((a, b) => a + b, 0);
    // With one worker, PostgreSQL, the API and the benchmark run beside it on a spare core; with two,
    // they take their CPU from the workers. The machine's cores can at best hold the first run's CPU.
    const demand = scale.one.machineCores - scale.one.otherCores;
    out.push(
      `| best speed-up this machine allows: its ${r.cores} cores ÷ the cores the 1-worker run kept busy (workers, PostgreSQL, API, benchmark) | ${(r.cores / demand).toFixed(2)}× | |`,
    );
    out.push(
      `| CPU of the worker processes, cores on average | ${scale.one.processCores.toFixed(2)} | ${scale.two.processCores.toFixed(2)} |`,
    );
    out.push(
      `| CPU of PostgreSQL (this database's backends), cores on average | ${scale.one.postgresCores.toFixed(2)} | ${scale.two.postgresCores.toFixed(2)} |`,
    );
    out.push(
      `| CPU of the whole machine (anything running), cores on average | ${scale.one.machineCores.toFixed(2)} | ${scale.two.machineCores.toFixed(2)} |`,
    );
    out.push(
      `| of which the benchmark process and the API | ${scale.one.benchmarkCores.toFixed(2)} | ${scale.two.benchmarkCores.toFixed(2)} |`,
    );
    out.push(
      `| of which outside this benchmark and its database (other users' work, PostgreSQL's and Redis's background processes) | ${scale.one.otherCores.toFixed(2)} | ${scale.two.otherCores.toFixed(2)} |`,
    );
    out.push(
      `| shard jobs: count, sum of their durations | ${scale.one.shardSeconds.length}, ${s(shardSum(scale.one))} | ${scale.two.shardSeconds.length}, ${s(shardSum(scale.two))} |`,
    );
    const each = (run: RecomputeRun, value: (p: RecomputeRun['processes'][number]) => string) => run.processes.map(value).join(', ');
    out.push(`| CPU of each worker process | ${each(scale.one, (p) => s(p.cpuSeconds))} | ${each(scale.two, (p) => s(p.cpuSeconds))} |`);
    out.push(
      `| each worker idle at the end, until the last shard was stored | ${each(scale.one, (p) => s(p.idleTailSeconds))} | ${each(scale.two, (p) => s(p.idleTailSeconds))} |`,
    );
    out.push(
      `| each shard job, in the order they started | ${scale.one.shardSeconds.map((x) => x.toFixed(2)).join(', ')} | ${scale.two.shardSeconds.map((x) => x.toFixed(2)).join(', ')} |`,
    );
  }
  if (r.scaleOutSteps?.length) {
    out.push(
      '',
      `#### scale-out: one shard job's steps on ${n(r.scaleOut?.[0]?.members ?? 0)} cities, in a process pinned to one core`,
      '',
    );
    out.push('| step | time |', '| --- | ---: |');
    for (const [step, value] of r.scaleOutSteps) out.push(`| ${step} | ${ms(value)} |`);
  }
  return out.join('\n');
}

const SECTION = '## Suggestions pipeline';
const START = '<!-- bench:pipeline results start -->';
const END = '<!-- bench:pipeline results end -->';

/**
 * Puts the results between this benchmark's markers inside its own section of docs/benchmarks.md,
 * adding the section at the end if it is missing. Other sections, and any notes written below the
 * end marker, are left as they are.
 */
export function writeToDocs(file: string, markdown: string): void {
  const block = `${START}\n${markdown}\n${END}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  let next: string;
  if (text.includes(START) && text.includes(END)) {
    next = text.slice(0, text.indexOf(START)) + block + text.slice(text.indexOf(END) + END.length);
  } else if (text.includes(SECTION)) {
    const at = text.indexOf(SECTION) + SECTION.length;
    const lineEnd = text.indexOf('\n', at);
    const head = lineEnd === -1 ? `${text}\n` : text.slice(0, lineEnd + 1);
    next = `${head}\n${block}\n${lineEnd === -1 ? '' : text.slice(lineEnd + 1)}`;
  } else {
    next = `${text.trimEnd()}\n\n${SECTION}\n\n${block}\n`;
  }
  writeFileSync(file, next);
}
