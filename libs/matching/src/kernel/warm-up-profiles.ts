import type { GovernmentLevel, MatchProfile } from '../profile';

const WARM_UP_MEMBERS = 400;
const THEMES = 12;
const LEVELS: readonly GovernmentLevel[] = ['city', 'municipality', 'region', 'association'];

/**
 * A made-up dataset for warmUpScan, the same every time: members in a few countries, with
 * a few languages, needs and offers on up to 15 themes (the WebAssembly first pass), levels
 * of government, and some partners and dismissals, so that every stage of the scan runs.
 */
export function warmUpProfiles(): MatchProfile[] {
  let seed = 12345;
  const next = (below: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % below;
  };
  const levels = (): Record<string, number> => {
    const out: Record<string, number> = {};
    for (let t = 0; t < THEMES; t++) if (next(3) === 0) out[`theme-${t}`] = 1 + next(3);
    return out;
  };
  return Array.from({ length: WARM_UP_MEMBERS }, (_, i) => ({
    id: `m${i}`,
    country: `C${next(8)}`,
    level: LEVELS[next(LEVELS.length)],
    population: 1000 + next(5_000_000),
    lat: next(170) - 85,
    lon: next(360) - 180,
    languages: [`l${next(5)}`, `l${next(5)}`].filter((l, q, all) => all.indexOf(l) === q),
    status: 'active',
    needs: levels(),
    offers: levels(),
    partners: i > 0 && next(10) === 0 ? [`m${next(i)}`] : [],
    dismissed: i > 0 && next(10) === 0 ? [`m${next(i)}`] : [],
  }));
}
