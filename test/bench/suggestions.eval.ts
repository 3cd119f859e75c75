/**
 * npm run eval:suggestions [-- --file export.json]
 *
 * The default lists an official sees (top 20) on a network, measured as a secretariat would
 * judge them: how much one country crowds a list, how far the suggested cities are, how many
 * fits serve one side only, whether every member is seen by others and none is flooded, and
 * what the lists give up in score against the pure score ranking. The network is the demo
 * members built in memory from the seed (no server), or the members of an export file.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { computeTopK, prepareDataset, type MatchProfile, type ScoredCandidate } from '@citymatch/matching';

import { balanceLists } from '@citymatch/matching/balance';

import { DEMO_SEED, loadGeoNamesProfiles } from '../../src/members/seed';
import { measureLists, type ListMetrics } from './suggestions/list-metrics';

const LIST_SIZE = 20;

interface Ranking {
  name: string;
  compute: (profiles: MatchProfile[]) => Promise<Map<string, ScoredCandidate[]>>;
}

const RANKINGS: readonly Ranking[] = [
  { name: 'pure score ranking', compute: pureLists },
  { name: 'balanced (default lists)', compute: (profiles) => balanceLists(profiles) },
];

async function pureLists(profiles: MatchProfile[]): Promise<Map<string, ScoredCandidate[]>> {
  const lists = await computeTopK(prepareDataset(profiles), { k: LIST_SIZE });
  return lists.toMap();
}

function loadNetwork(file: string | undefined): { label: string; profiles: MatchProfile[] } {
  if (!file) return { label: 'demo network (seed, in memory)', profiles: loadGeoNamesProfiles(DEMO_SEED) };
  const records = JSON.parse(readFileSync(file, 'utf8')) as MatchProfile[];
  return { label: file, profiles: records };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { file: { type: 'string' } } });
  const { label, profiles } = loadNetwork(values.file);
  const active = profiles.filter((p) => p.status === 'active');
  const byId = new Map(profiles.map((p) => [p.id, p]));
  console.log(`# ${label}: ${profiles.length} members, ${active.length} active; top ${LIST_SIZE}\n`);

  const results: Array<{ name: string; metrics: ListMetrics; ms: number }> = [];
  let withCandidates: string[] = [];
  let pureMean = 0;
  for (const ranking of RANKINGS) {
    const started = performance.now();
    const lists = await ranking.compute(profiles);
    const ms = performance.now() - started;
    if (results.length === 0) {
      withCandidates = [...lists].filter(([, list]) => list.length > 0).map(([id]) => id);
    }
    const metrics = measureLists(lists, byId, withCandidates);
    if (results.length === 0) pureMean = metrics.meanScore;
    results.push({ name: ranking.name, metrics, ms });
  }

  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  console.log(
    '| ranking | lists | top country share median / p90 | median distance | one-sided fits | coverage ≥1 / ≥3 | max exposure / mean | mean score vs pure | strong / good fits | time |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { name, metrics: m, ms } of results) {
    console.log(
      `| ${name} | ${m.lists} | ${m.countryShareMedian.toFixed(2)} / ${m.countryShareP90.toFixed(2)} | ` +
        `${Math.round(m.medianDistanceKm).toLocaleString('en')} km | ${pct(m.oneSidedShare)} | ` +
        `${pct(m.coverage1)} / ${pct(m.coverage3)} | ${m.maxExposure} / ${m.meanExposure.toFixed(1)} ` +
        `(${(m.maxExposure / m.meanExposure).toFixed(1)}×) | ${pct(m.meanScore / pureMean)} | ${pct(m.strongShare)} / ${pct(m.goodShare)} | ${(ms / 1000).toFixed(2)} s |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
