import { availableParallelism } from 'node:os';

import { normaliseWeights, type Weights } from '../weights';
import { chunkClaims } from './chunk-claims';
import type { PreparedDataset } from './prepared-dataset';
import { scanRows } from './scan';
import { PROGRESS_STRIDE, runShard } from './shard';
import { sharedHeapStorage, TopKHeaps } from './top-k-heap';
import { TopKLists } from './top-k-lists';
import { TopKPool } from './top-k-pool';

export interface TopKProgress {
  pairsDone: number;
  pairsTotal: number;
}

export interface TopKOptions {
  k: number;
  weights?: Partial<Weights>;
  /** Worker threads; by default all cores, or 1 when the job is too small to repay starting threads. */
  threads?: number;
  /** Threads to reuse across calls; `threads` is then the pool's size. */
  pool?: TopKPool;
  /** Source members [start, end) by prepared index; the default is all of them. */
  sourceRange?: readonly [number, number];
  onProgress?: (progress: TopKProgress) => void;
  /**
   * Run the first pass over each block of columns in WebAssembly where it is available
   * (default true); false keeps the whole scan in JavaScript. The lists are the same.
   */
  wasm?: boolean;
  /**
   * With a pool, the calling thread scans too, beside the pool's threads, instead of waiting for
   * them: for a process that has nothing else to do meanwhile (the match command), a pool one
   * thread smaller does the same work, and one thread fewer is started. It takes its
   * rows from the back, the cheap ones for code not yet optimised (see chunk-claims.ts). Its event
   * loop waits until its share is done.
   */
  callerScans?: boolean;
}

/** Below this many pairs, starting worker threads costs more than it saves. */
const PAIRS_PER_THREAD_MINIMUM = 4_000_000;
const PROGRESS_INTERVAL_MS = 100;
/**
 * Rows per chunk (each thread claims one at a time): about this many pairs, so that the threads work
 * near each other in the row order (the early rows, while the bars are still low, are the
 * costly ones) and finish together.
 */
const PAIRS_PER_CHUNK = 16_384;
/**
 * Above this many members the columns' fields outgrow the caches, and a chunk takes at least
 * TILE_ROWS rows, which scanRows runs against one block of columns after another.
 */
const TILE_FROM = 8_192;
const TILE_ROWS = 16;

/**
 * The top-k candidates of every source member in the range, by match, ties by id.
 * Candidates are all active members; the result does not depend on the thread count.
 */
export async function computeTopK(prepared: PreparedDataset, options: TopKOptions): Promise<TopKLists> {
  const plan = planOf(prepared, options);
  const threads =
    options.pool?.threads ??
    options.threads ??
    Math.max(1, Math.min(availableParallelism(), Math.floor(plan.pairsTotal / PAIRS_PER_THREAD_MINIMUM)));
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be an integer >= 1, got ${threads}`);
  if (threads === 1 && !options.pool) return computeTopKSync(prepared, options);

  const pool = options.pool ?? new TopKPool(threads);
  const here = options.callerScans === true && options.pool !== undefined;
  // One cache line per thread, so that counting does not bounce a line between cores.
  const progress = new Float64Array(new SharedArrayBuffer(PROGRESS_STRIDE * 8 * (threads + (here ? 1 : 0))));
  const report = (): void => options.onProgress?.({ pairsDone: sum(progress), pairsTotal: plan.pairsTotal });
  const timer = options.onProgress ? setInterval(report, PROGRESS_INTERVAL_MS) : undefined;
  try {
    const { floor, heaps } = sharedLists(plan);
    const job = { ...plan.job, claims: chunkClaims(plan.chunks), progress, floor, heaps };
    const running = pool.run(Array.from({ length: threads }, () => job));
    running.catch(() => undefined); // awaited below; this thread's own error, if any, comes first
    let pairsHere = 0;
    if (here) {
      // The jobs are posted from a microtask: let it run before this thread takes rows.
      await new Promise<void>((resolve) => setImmediate(resolve));
      let reported = performance.now();
      pairsHere = runShard({ ...job, slot: threads, fromBack: true }, () => {
        if (options.onProgress && performance.now() - reported >= PROGRESS_INTERVAL_MS) {
          reported = performance.now();
          report();
        }
      }).pairs;
    }
    const results = await running;
    report();
    const pairs = results.reduce((total, r) => total + r.pairs, pairsHere);
    return TopKLists.fromHeaps(prepared.ids, plan.start, plan.end, [heaps], plan.k, pairs, prepared.arrays.idRank);
  } finally {
    clearInterval(timer);
    if (!options.pool) await pool.close();
  }
}

/** The bars and heaps that every thread of one computeTopK updates. */
function sharedLists(plan: Plan) {
  const slots = plan.end - plan.start;
  const floor = new Float64Array(new SharedArrayBuffer(8 * Math.max(1, slots)), 0, slots);
  floor.fill(plan.k > 0 ? -Infinity : Infinity);
  return { floor, heaps: sharedHeapStorage(slots, plan.k) };
}

/** computeTopK on the calling thread, for small jobs and for callers that cannot await. */
export function computeTopKSync(prepared: PreparedDataset, options: Omit<TopKOptions, 'threads'>): TopKLists {
  const plan = planOf(prepared, options);
  const heaps = new TopKHeaps(plan.end - plan.start, plan.k, prepared.arrays.idRank);
  let next = plan.start;
  let done = 0;
  const pairs = scanRows(
    prepared.arrays,
    plan.job.weights,
    heaps,
    plan.start,
    plan.end,
    plan.job.chunk,
    () => {
      const row = next;
      next += plan.job.chunk;
      return row;
    },
    (chunkPairs) => {
      done += chunkPairs;
      options.onProgress?.({ pairsDone: done, pairsTotal: plan.pairsTotal });
    },
    plan.job.wasm,
  );
  return TopKLists.fromHeaps(prepared.ids, plan.start, plan.end, [heaps], plan.k, pairs, prepared.arrays.idRank);
}

/** Unordered pairs a range considers: each source meets everyone outside the range and later sources. */
export function pairsInRange(n: number, start: number, end: number): number {
  const rows = end - start;
  return rows * start + rows * (n - 1) - ((start + end - 1) * rows) / 2;
}

type Plan = ReturnType<typeof planOf>;

function planOf(prepared: PreparedDataset, options: Omit<TopKOptions, 'threads'>) {
  const n = prepared.size;
  const { k } = options;
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be an integer >= 0, got ${k}`);
  const [start, end] = options.sourceRange ?? [0, n];
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > n || start > end) {
    throw new RangeError(`sourceRange must lie within [0, ${n}], got [${start}, ${end})`);
  }
  const chunk = Math.min(256, Math.max(n > TILE_FROM ? TILE_ROWS : 1, Math.floor(PAIRS_PER_CHUNK / Math.max(1, n))));
  const wasm = options.wasm ?? true;
  const job = { arrays: prepared.arrays, weights: normaliseWeights(options.weights), k, start, end, chunk, wasm };
  return { k, start, end, job, chunks: Math.ceil((end - start) / chunk), pairsTotal: pairsInRange(n, start, end) };
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
