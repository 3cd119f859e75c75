import type { Weights } from '../weights';
import type { KernelArrays } from './kernel-arrays';
import { scanRows } from './scan';
import { TopKHeaps, type SharedHeapStorage } from './top-k-heap';

/** Doubles per thread in the shared progress array: one 64-byte cache line each. */
export const PROGRESS_STRIDE = 8;

/** What one thread needs; every array is shared, so posting this copies no data. */
export interface ShardJob {
  arrays: KernelArrays;
  weights: Weights;
  k: number;
  start: number;
  end: number;
  /** Rows taken per grab from the shared cursor. */
  chunk: number;
  /** First pass in WebAssembly where available. */
  wasm: boolean;
  /** cursor[0]: the next unclaimed row, shared by all threads. */
  cursor: Int32Array;
  /** The bar of each source's list, shared by all threads (see TopKHeaps). */
  floor: Float64Array;
  /** The lists, one heap per source, shared by all threads. */
  heaps: SharedHeapStorage;
  /** progress[slot × PROGRESS_STRIDE]: pairs this thread has finished. */
  progress: Float64Array;
  slot: number;
}

export interface ShardResult {
  pairs: number;
}

/**
 * Claims chunks of rows until none are left, offering what it finds to the shared heaps.
 * `afterChunk` runs after each chunk (the calling thread reports progress from it).
 */
export function runShard(job: ShardJob, afterChunk?: () => void): ShardResult {
  const heaps = new TopKHeaps(job.end - job.start, job.k, job.arrays.idRank, job.floor, job.heaps);
  const { cursor, chunk, end, progress, slot } = job;
  const nextRow = (): number => {
    const row = Atomics.add(cursor, 0, chunk);
    return row < end ? row : -1;
  };
  const pairs = scanRows(
    job.arrays,
    job.weights,
    heaps,
    job.start,
    end,
    chunk,
    nextRow,
    (done) => {
      progress[slot * PROGRESS_STRIDE] += done;
      afterChunk?.();
    },
    job.wasm,
  );
  return { pairs };
}
