import type { Weights } from '../weights';
import type { KernelArrays } from './kernel-arrays';
import { claimChunk } from './chunk-claims';
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
  /** Rows per chunk: chunk c holds rows start + c·chunk onwards. */
  chunk: number;
  /** First pass in WebAssembly where available. */
  wasm: boolean;
  /** The chunks still to scan, shared by all threads (see chunk-claims.ts). */
  claims: Int32Array;
  /** Claim chunks from the back: for a thread whose code is not yet optimised (see chunk-claims.ts). */
  fromBack?: boolean;
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
  const { claims, chunk, end, progress, slot } = job;
  const nextRow = (): number => {
    const claimed = claimChunk(claims, job.fromBack === true);
    return claimed < 0 ? -1 : job.start + claimed * chunk;
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
