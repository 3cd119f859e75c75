/**
 * npm run bench:matching [-- --sets seed,geonames-32k,world --repeat 3 --wasm off]
 *
 * Top-20 of every member on GeoNames datasets, on one thread and on all cores. Threads
 * come from a pool started and warmed up before timing, so the times are compute only
 * (preparing the dataset is timed on its own). On the world set the single-thread rate is
 * sampled on a slice of the source members, as a full single-thread run takes minutes;
 * the speed-up is then that slice's time on one thread over its time on all threads.
 * Each row ends with the 1-minute load average before and after the set, and the cores
 * the process used during its fastest multi-thread run (CPU time over wall time): on a
 * shared machine, less than the thread count means other work took the rest.
 * `--wasm off` runs the whole scan in JavaScript (the kernel's `wasm: false`).
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';

import { computeTopK, prepareDataset, TopKPool, type PreparedDataset } from '@citymatch/matching';

import { loadGeoNamesProfiles } from '../../src/members/seed';

const K = 20;

interface BenchSet {
  name: string;
  label: string;
  load: () => ReturnType<typeof loadGeoNamesProfiles>;
  /** Share of the source members timed on one thread (1 = all). */
  singleThreadShare: number;
  repeat: number;
}

const SETS: readonly BenchSet[] = [
  {
    name: 'seed',
    label: 'Asia-Pacific seed (population ≥ 20,000)',
    load: () => loadGeoNamesProfiles({ minPopulation: 20_000, region: 'asia-pacific' }),
    singleThreadShare: 1,
    repeat: 5,
  },
  {
    name: 'geonames-32k',
    label: 'GeoNames world (population ≥ 10,000)',
    load: () => loadGeoNamesProfiles({ minPopulation: 10_000, region: 'world' }),
    singleThreadShare: 1,
    repeat: 2,
  },
  {
    name: 'world',
    label: 'GeoNames world (population ≥ 1,000)',
    load: () => loadGeoNamesProfiles({ minPopulation: 1_000, region: 'world' }),
    singleThreadShare: 0.05,
    repeat: 1,
  },
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sets: { type: 'string' }, repeat: { type: 'string' }, wasm: { type: 'string' } },
  });
  const wasm = values.wasm !== 'off';
  const wanted = values.sets?.split(',') ?? SETS.map((s) => s.name);
  const threads = availableParallelism();
  console.log(
    `# ${cpus()[0]?.model ?? 'unknown CPU'}, ${threads} threads, node ${process.version}, k = ${K}` +
      (wasm ? '' : ', whole scan in JavaScript (--wasm off)'),
  );
  console.log(
    `load average at the start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}\n`,
  );
  console.log(
    '| dataset | members | prepare | pairs | 1 thread | pairs/s (1) | ' +
      `${threads} threads | pairs/s (${threads}) | speed-up | load average | cores used (${threads}) |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');

  const single = new TopKPool(1);
  const all = new TopKPool(threads);
  try {
    for (const set of SETS.filter((s) => wanted.includes(s.name))) {
      const loadBefore = loadavg()[0];
      const profiles = set.load();
      const prepareStart = performance.now();
      const prepared = prepareDataset(profiles);
      const prepareSeconds = (performance.now() - prepareStart) / 1000;
      const repeat = values.repeat ? Number(values.repeat) : set.repeat;

      // Warm both pools on this dataset's code paths before timing.
      const warmEnd = Math.max(1, Math.round(prepared.size / 50));
      await computeTopK(prepared, { k: K, pool: single, sourceRange: [0, warmEnd], wasm });
      await computeTopK(prepared, { k: K, pool: all, sourceRange: [0, warmEnd], wasm });

      const oneEnd = Math.round(prepared.size * set.singleThreadShare);
      const one = await best(repeat, () => timed(prepared, single, [0, oneEnd], wasm));
      const many = await best(repeat, () => timed(prepared, all, [0, prepared.size], wasm));
      const oneRate = one.pairs / one.seconds;
      const manyRate = many.pairs / many.seconds;
      // On a slice, the speed-up compares the same rows on one thread and on all: rows differ
      // in cost per pair (how many pairs pass the first pass, how long their column range is).
      const sliceOnMany = set.singleThreadShare < 1 ? await best(repeat, () => timed(prepared, all, [0, oneEnd], wasm)) : many;
      const speedUp = one.seconds / sliceOnMany.seconds;
      const oneTime = set.singleThreadShare < 1 ? `(${(many.pairs / oneRate).toFixed(1)} s est.)` : `${one.seconds.toFixed(2)} s`;
      console.log(
        `| ${set.label} | ${prepared.size.toLocaleString('en')} | ${prepareSeconds.toFixed(2)} s | ` +
          `${many.pairs.toExponential(2)} | ${oneTime} | ${millions(oneRate)} | ${many.seconds.toFixed(2)} s | ` +
          `${millions(manyRate)} | ${speedUp.toFixed(2)}× | ` +
          `${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} | ${many.cores.toFixed(2)} |`,
      );
    }
  } finally {
    await Promise.all([single.close(), all.close()]);
  }
  // Other work on the machine slows every figure down, the multi-thread ones most.
  console.log(
    `\nload average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
}

async function timed(prepared: PreparedDataset, pool: TopKPool, sourceRange: [number, number], wasm: boolean) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const lists = await computeTopK(prepared, { k: K, pool, sourceRange, wasm });
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, pairs: lists.pairsScored, cores: (used.user + used.system) / 1e6 / seconds };
}

async function best<T extends { seconds: number }>(times: number, run: () => Promise<T>): Promise<T> {
  let fastest: T | undefined;
  for (let r = 0; r < times; r++) {
    const result = await run();
    if (!fastest || result.seconds < fastest.seconds) fastest = result;
  }
  return fastest!;
}

function millions(rate: number): string {
  return `${(rate / 1e6).toFixed(1)} M`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
