import { extname, join } from 'node:path';

import fc from 'fast-check';

import { dataset, weights } from '../../test-support/arbitraries';
import { expectMatchesReference } from '../../test-support/expect-top-k';
import { matchScore } from '../score';
import { normaliseWeights } from '../weights';
import type { MatchProfile } from '../profile';
import { chunkClaims } from './chunk-claims';
import { computeTopK, computeTopKSync } from './compute-top-k';
import { COUNTRY, INT_STRIDE } from './kernel-arrays';
import { prepareDataset } from './prepared-dataset';
import { RowScratch } from './row-scratch';
import { filterColumns } from './scan';
import type { Survivors } from './survivors';
import { TopKPool } from './top-k-pool';
import { WasmFilter } from './wasm-filter';

/** Forty themes: more than one packed group of fifteen, the general path. */
const WIDE_THEMES = Array.from({ length: 40 }, (_, t) => `theme-${t}`);

/** The dataset arbitrary with needs and offers drawn from WIDE_THEMES. */
function wideDataset(maxSize: number): fc.Arbitrary<MatchProfile[]> {
  const levels = fc.dictionary(fc.constantFrom(...WIDE_THEMES), fc.integer({ min: 1, max: 3 }), { maxKeys: 8 });
  return dataset(maxSize).chain((profiles) =>
    fc
      .array(fc.tuple(levels, levels), { minLength: profiles.length, maxLength: profiles.length })
      .map((drawn) => profiles.map((p, i) => ({ ...p, needs: drawn[i][0], offers: drawn[i][1] }))),
  );
}

describe('computeTopK', () => {
  const pools = new Map<number, TopKPool>();
  beforeAll(() => [2, 3].forEach((threads) => pools.set(threads, new TopKPool(threads))));
  afterAll(() => Promise.all([...pools.values()].map((pool) => pool.close())));

  it('gives the reference top-k on one thread', () => {
    fc.assert(
      fc.property(dataset(), fc.integer({ min: 0, max: 6 }), weights, (profiles, k, partial) => {
        const lists = computeTopKSync(prepareDataset(profiles), { k, weights: partial });
        expectMatchesReference(lists.toMap(), profiles, k, normaliseWeights(partial));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the reference top-k on one thread with the whole scan in JavaScript', () => {
    fc.assert(
      fc.property(dataset(), fc.integer({ min: 0, max: 6 }), weights, (profiles, k, partial) => {
        const lists = computeTopKSync(prepareDataset(profiles), { k, weights: partial, wasm: false });
        expectMatchesReference(lists.toMap(), profiles, k, normaliseWeights(partial));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the reference top-k with more than fifteen themes', () => {
    fc.assert(
      fc.property(wideDataset(24), fc.integer({ min: 0, max: 6 }), weights, (profiles, k, partial) => {
        const lists = computeTopKSync(prepareDataset(profiles), { k, weights: partial });
        expectMatchesReference(lists.toMap(), profiles, k, normaliseWeights(partial));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every column in the WebAssembly first pass that the JavaScript one keeps, with the same theme sums', () => {
    const bar = fc.oneof(fc.constant(-Infinity), fc.constant(Infinity), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(
        dataset(40),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.array(bar, { maxLength: 40 }),
        weights,
        fc.nat(),
        fc.nat(),
        (profiles, r, s, t, bars, partial, u, v) => {
          const prepared = prepareDataset(profiles);
          const n = prepared.size;
          if (n === 0) return;
          const a = prepared.arrays;
          const start = s % n;
          const end = start + 1 + (t % (n - start));
          const i = start + (r % (end - start));
          const floor = Float64Array.from({ length: end - start }, (_, q) => bars[q] ?? -Infinity);
          const w = normaliseWeights(partial);
          const js = new RowScratch(a, false);
          const wasm = WasmFilter.create(a)!;
          expect(wasm).not.toBeNull();
          // Any run of columns: the module reads them four at a time from a multiple of 4.
          const from = u % n;
          const to = from + 1 + (v % (n - from));
          js.load(i);
          const count = filterColumns(a, w, floor, js, start, end, i, from, to);
          const kept = wasm.filter(js.row, w, floor, start, end, i, from, to);
          const sums = (v: Survivors, n: number) => new Map([...v.list.subarray(0, n)].map((j, q) => [j, v.themeSums[q]]));
          const jsSums = sums(js.survivors, count);
          const wasmSums = sums(wasm, kept);
          // In order, without repeats, within the run, and every column JavaScript keeps, with its sums.
          const list = [...wasm.list.subarray(0, kept)];
          expect(list).toEqual([...wasmSums.keys()].sort((x, y) => x - y));
          expect(list.every((j) => j >= from && j < to)).toBe(true);
          for (const [j, sum] of jsSums) expect([j, wasmSums.get(j)]).toEqual([j, sum]);
          // The rest it keeps only because its bound is in single precision: another country, and a theme fit.
          const country = (j: number) => a.ints[j * INT_STRIDE + COUNTRY];
          for (const [j, sum] of wasmSums) {
            if (jsSums.has(j)) continue;
            expect(country(j)).not.toBe(country(i));
            expect(sum).not.toBe(0);
          }
          js.unload(i);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([2, 3])(
    'gives the reference top-k on %i threads',
    async (threads) => {
      await fc.assert(
        fc.asyncProperty(dataset(40), fc.integer({ min: 1, max: 6 }), async (profiles, k) => {
          const lists = await computeTopK(prepareDataset(profiles), { k, pool: pools.get(threads) });
          expectMatchesReference(lists.toMap(), profiles, k, normaliseWeights());
        }),
        { numRuns: 40 },
      );
    },
    60_000,
  );

  it('gives the reference top-k when the calling thread scans beside the pool, and counts its pairs', async () => {
    await fc.assert(
      fc.asyncProperty(dataset(40), fc.integer({ min: 1, max: 6 }), async (profiles, k) => {
        const prepared = prepareDataset(profiles);
        const seen: number[] = [];
        const lists = await computeTopK(prepared, {
          k,
          pool: pools.get(2),
          callerScans: true,
          onProgress: (p) => seen.push(p.pairsDone / p.pairsTotal),
        });
        expectMatchesReference(lists.toMap(), profiles, k, normaliseWeights());
        const n = prepared.size;
        expect(lists.pairsScored).toBe((n * Math.max(n - 1, 0)) / 2);
        if (n > 1) expect(seen[seen.length - 1]).toBe(1);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('scores each pair exactly as matchScore does', () => {
    fc.assert(
      fc.property(dataset(), weights, (profiles, partial) => {
        const byId = new Map(profiles.map((p) => [p.id, p]));
        for (const { id, suggestions } of computeTopKSync(prepareDataset(profiles), { k: 30, weights: partial }).entries()) {
          for (const c of suggestions) expect(c.score).toBe(matchScore(byId.get(id)!, byId.get(c.id)!, partial));
        }
      }),
    );
  });

  it('gives the same lists whatever the input order, thread count or source ranges', async () => {
    await fc.assert(
      fc.asyncProperty(dataset(40), fc.array(fc.nat(), { maxLength: 4 }), fc.nat(), async (profiles, cuts, seed) => {
        const full = computeTopKSync(prepareDataset(profiles), { k: 3 }).toMap();
        const shuffled = [...profiles].sort((a, b) => hash(a.id, seed) - hash(b.id, seed));
        const prepared = prepareDataset(shuffled);
        const bounds = [0, ...cuts.map((c) => c % (prepared.size + 1)), prepared.size].sort((a, b) => a - b);
        const sharded = new Map();
        for (let r = 0; r + 1 < bounds.length; r++) {
          const part = await computeTopK(prepared, { k: 3, pool: pools.get(2), sourceRange: [bounds[r], bounds[r + 1]] });
          for (const [id, list] of part.toMap()) sharded.set(id, list);
        }
        expect(sharded).toEqual(full);
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it('reports progress up to the total number of pairs', () => {
    const profiles = fc.sample(dataset(30), { numRuns: 1, seed: 7 })[0];
    const seen: number[] = [];
    const lists = computeTopKSync(prepareDataset(profiles), { k: 2, onProgress: (p) => seen.push(p.pairsDone / p.pairsTotal) });
    const n = lists.size;
    expect(lists.pairsScored).toBe((n * (n - 1)) / 2);
    if (n > 1) expect(seen[seen.length - 1]).toBe(1);
  });

  it('spreads a job over threads it starts and stops itself', async () => {
    const profiles = fc.sample(dataset(30), { numRuns: 1, seed: 11 })[0];
    const prepared = prepareDataset(profiles);
    const lists = await computeTopK(prepared, { k: 4, threads: 2 });
    expect(lists.toMap()).toEqual(computeTopKSync(prepared, { k: 4 }).toMap());
  });

  it("runs a task on a pool's thread, in turn with the scans, and stays usable after a task fails", async () => {
    const pool = pools.get(2)!;
    const file = join(__dirname, `chunk-claims${extname(__filename)}`);
    // Made in the other thread from the input it was given, and posted back.
    expect(await pool.runTask({ file, name: 'chunkClaims', input: 5 })).toEqual(chunkClaims(5));
    await expect(pool.runTask({ file, name: 'noSuchFunction', input: undefined })).rejects.toThrow(
      /task noSuchFunction failed in a matching thread: TypeError/,
    );
    const prepared = prepareDataset(fc.sample(dataset(30), { numRuns: 1, seed: 12 })[0]);
    const lists = await computeTopK(prepared, { k: 4, pool });
    expect(lists.toMap()).toEqual(computeTopKSync(prepared, { k: 4 }).toMap());
  });

  it('rejects a bad k or range', () => {
    const prepared = prepareDataset([]);
    expect(() => computeTopKSync(prepared, { k: -1 })).toThrow(/k must be/);
    expect(() => computeTopKSync(prepared, { k: 1, sourceRange: [0, 1] })).toThrow(/sourceRange/);
  });
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x9e3779b1);
  return h;
}
