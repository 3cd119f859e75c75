import { readFileSync } from 'node:fs';
import type { BenchStack } from './bench-stack';

/** CPU used while something ran, in cores on average (CPU seconds / wall seconds). Linux /proc; 0 elsewhere. */
export interface CpuUse {
  /** The given processes, all their threads. */
  process: number;
  /** The PostgreSQL backends serving the benchmark's database. */
  postgres: number;
  /** The whole machine: these, the benchmark itself and anything else running. */
  machine: number;
  seconds: number;
  /** CPU seconds of the given processes and of PostgreSQL, for dividing by a count of requests. */
  processSeconds: number;
  postgresSeconds: number;
}

export async function startCpuMeter(stack: BenchStack, pids: number[]): Promise<() => Promise<CpuUse>> {
  const backends = new Map((await backendPids(stack)).map((pid) => [pid, cpuSeconds([pid])]));
  const process = cpuSeconds(pids);
  const machine = machineBusySeconds();
  const started = performance.now();
  return async () => {
    const seconds = (performance.now() - started) / 1000;
    // Backends that started meanwhile count from zero; ones that ended meanwhile are missed.
    const postgresSeconds = (await backendPids(stack)).reduce((total, pid) => total + cpuSeconds([pid]) - (backends.get(pid) ?? 0), 0);
    const processSeconds = cpuSeconds(pids) - process;
    return {
      process: processSeconds / seconds,
      postgres: postgresSeconds / seconds,
      machine: (machineBusySeconds() - machine) / seconds,
      seconds,
      processSeconds,
      postgresSeconds,
    };
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
