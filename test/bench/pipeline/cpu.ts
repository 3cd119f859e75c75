import { readFileSync } from 'node:fs';
import type { BenchStack } from './bench-stack';
import { benchmarkPids } from './processes';

/** CPU used while something ran, in cores on average (CPU seconds / wall seconds). Linux /proc; 0 elsewhere. */
export interface CpuUse {
  /** The given processes, all their threads. */
  process: number;
  /** The PostgreSQL backends serving the benchmark's database. */
  postgres: number;
  /** The whole machine: these, the benchmark itself and anything else running. */
  machine: number;
  /** The benchmark process and its children other than the given processes (e.g. the API beside workers). */
  benchmark: number;
  /**
   * The machine minus the benchmark, its children and its database's backends: other users' work,
   * PostgreSQL's and Redis's background processes. More than a few tenths of a core spoils a run.
   */
  others: number;
  seconds: number;
  /** CPU seconds of the given processes and of PostgreSQL, for dividing by a count of requests. */
  processSeconds: number;
  postgresSeconds: number;
}

export async function startCpuMeter(stack: BenchStack, pids: number[]): Promise<() => Promise<CpuUse>> {
  const backends = new Map((await backendPids(stack)).map((pid) => [pid, cpuSeconds([pid])]));
  const ours = new Map(benchmarkPids().map((pid) => [pid, cpuSeconds([pid])]));
  const process = cpuSeconds(pids);
  const machine = machineBusySeconds();
  const started = performance.now();
  return async () => {
    const seconds = (performance.now() - started) / 1000;
    // Backends that started meanwhile count from zero; ones that ended meanwhile are missed.
    const postgresSeconds = (await backendPids(stack)).reduce((total, pid) => total + cpuSeconds([pid]) - (backends.get(pid) ?? 0), 0);
    const processSeconds = cpuSeconds(pids) - process;
    const oursSeconds = benchmarkPids().reduce((total, pid) => total + cpuSeconds([pid]) - (ours.get(pid) ?? 0), 0);
    const machineSeconds = machineBusySeconds() - machine;
    return {
      process: processSeconds / seconds,
      postgres: postgresSeconds / seconds,
      machine: machineSeconds / seconds,
      benchmark: (oursSeconds - processSeconds) / seconds,
      others: Math.max(0, machineSeconds - oursSeconds - postgresSeconds) / seconds,
      seconds,
      processSeconds,
      postgresSeconds,
    };
  };
}

/** When a process was busy: the ends (Date.now() ms) of the sampling intervals in which it used at least half a core. */
export interface BusySpan {
  pid: number;
  cpuSeconds: number;
  busyAt: number[];
}

/**
 * Samples the processes' CPU until the returned function is called. Shows, per worker process, when
 * it started and stopped working, e.g. how long one worker idled while another finished the last shard.
 */
export function startBusySampler(pids: number[], everyMs = 100): () => BusySpan[] {
  const spans = pids.map((pid) => ({ pid, first: cpuSeconds([pid]), last: cpuSeconds([pid]), busyAt: [] as number[] }));
  let sampledAt = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    for (const span of spans) {
      const used = cpuSeconds([span.pid]);
      if ((used - span.last) * 1000 >= (now - sampledAt) / 2) span.busyAt.push(now);
      span.last = used;
    }
    sampledAt = now;
  }, everyMs);
  return () => {
    clearInterval(timer);
    return spans.map(({ pid, first, busyAt }) => ({ pid, cpuSeconds: cpuSeconds([pid]) - first, busyAt }));
  };
}

async function backendPids(stack: BenchStack): Promise<number[]> {
  const { rows } = await stack.db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  return rows.map((row: { pid: number }) => row.pid);
}

/** utime + stime of the processes, all threads included. */
function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // not Linux, or the process is gone
    }
  }
  return ticks / 100; // USER_HZ
}

/** CPU time the machine spent busy (neither idle nor waiting for I/O) since boot, all cores together. */
function machineBusySeconds(): number {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq] = values;
    return (user + nice + system + irq + softirq) / 100;
  } catch {
    return 0;
  }
}
