import { availableParallelism } from 'node:os';
import { computeTopK, computeTopKSync, type PreparedDataset, type TopKLists, TopKPool, type TopKOptions } from '@citymatch/matching';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';

/** Below this many pairs a shard runs on the calling thread: handing it to threads costs more than it saves. */
const PAIRS_FOR_THREADS = 4_000_000;
/**
 * Threads idle this long are stopped: each holds a heap of its own (tens of MB of resident memory)
 * and full recomputes are hours apart, while the shards of one follow each other within seconds.
 */
const IDLE_MS = 30_000;

/**
 * One pool of matching threads per process, one thread per core, started on first use and reused
 * by every shard: concurrent shards take turns on it, so a process never runs more kernel threads
 * than there are cores, and no shard pays for starting threads.
 */
@Injectable()
export class MatchingThreads implements OnApplicationShutdown {
  private pool?: TopKPool;
  private running = 0;
  private idle?: NodeJS.Timeout;

  async topK(prepared: PreparedDataset, options: Omit<TopKOptions, 'threads' | 'pool'>): Promise<TopKLists> {
    const [start, end] = options.sourceRange ?? [0, prepared.size];
    if ((end - start) * prepared.size < PAIRS_FOR_THREADS) return computeTopKSync(prepared, options);
    clearTimeout(this.idle);
    this.running++;
    this.pool ??= new TopKPool(availableParallelism());
    try {
      return await computeTopK(prepared, { ...options, pool: this.pool });
    } finally {
      if (--this.running === 0) this.idle = setTimeout(() => void this.stop(), IDLE_MS).unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.idle);
    await this.stop();
  }

  private async stop(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }
}
