import { availableParallelism } from 'node:os';
import { computeTopK, computeTopKSync, type PreparedDataset, type TopKLists, TopKPool, type TopKOptions } from '@citymatch/matching';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';

/** Below this many pairs a shard runs on the calling thread: handing it to threads costs more than it saves. */
const PAIRS_FOR_THREADS = 4_000_000;

/**
 * One pool of matching threads per process, one thread per core, started on first use and reused
 * by every shard: concurrent shards take turns on it, so a process never runs more kernel threads
 * than there are cores, and no shard pays for starting threads.
 */
@Injectable()
export class MatchingThreads implements OnApplicationShutdown {
  private pool?: TopKPool;

  topK(prepared: PreparedDataset, options: Omit<TopKOptions, 'threads' | 'pool'>): Promise<TopKLists> {
    const [start, end] = options.sourceRange ?? [0, prepared.size];
    if ((end - start) * prepared.size < PAIRS_FOR_THREADS) return Promise.resolve(computeTopKSync(prepared, options));
    this.pool ??= new TopKPool(availableParallelism());
    return computeTopK(prepared, { ...options, pool: this.pool });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }
}
