import { THEME_SLUGS } from '../../reference/themes';
import type { ThemeLevels } from '../member-record';
import { seededRandom, type Random } from './seeded-random';

export interface Interests {
  needs: ThemeLevels;
  offers: ThemeLevels;
}

/** Changing this gives every city a new profile. */
const SEED_VERSION = 'citymatch-demo-1';

type Weights = Readonly<Record<string, Readonly<Record<string, number>>>>;

const NEED_WEIGHTS: Weights = {
  'South-Eastern Asia': { 'disaster-resilience': 3, 'climate-change': 1.5 },
  Melanesia: { 'disaster-resilience': 3, 'climate-change': 3, 'basic-services': 1.5 },
  Micronesia: { 'climate-change': 3, 'disaster-resilience': 2 },
  Polynesia: { 'disaster-resilience': 3, 'climate-change': 3 },
  'Southern Asia': { 'basic-services': 2, 'gender-equality': 1.5, 'disaster-resilience': 1.5 },
  'Central Asia': { decentralisation: 2, 'municipal-finance': 1.5 },
  'Eastern Asia': { environment: 1.5, 'inclusive-societies': 1.5 },
  'Australia and New Zealand': { 'climate-change': 1.5, 'inclusive-societies': 1.5 },
};

const OFFER_WEIGHTS: Weights = {
  'Eastern Asia': { 'disaster-resilience': 2, 'strategic-planning': 1.5 },
  'Australia and New Zealand': { 'good-governance': 1.5, 'municipal-finance': 1.5 },
  'South-Eastern Asia': { 'local-economic-development': 1.5, culture: 1.5 },
  'Southern Asia': { 'womens-leadership': 1.5, 'sdg-localisation': 1.5 },
};

/** Weights in THEME_SLUGS order, per subregion. */
const NEED_TABLES = new Map<string, number[]>();
const OFFER_TABLES = new Map<string, number[]>();

/**
 * Synthetic needs and offers for demo profiles; not any member's own statements.
 *
 * Each profile depends only on its key (the member id), population and subregion, so a
 * city gets the same profile on every run, whatever else is loaded. A city needs 2-5
 * themes and offers 1-4 others (never a theme it needs). Themes are drawn with weights:
 * 1 by default, higher where a theme is a more common concern or strength in a
 * subregion (hazard-exposed South-East Asia and Pacific islands need disaster resilience,
 * small island states climate adaptation, and so on). Need priorities are 1-3 evenly
 * spread; offer expertise leans towards 3 as population grows from 10k to 10M.
 */
export function syntheticInterests(key: string, population: number, subregion: string): Interests {
  const random = seededRandom(`${SEED_VERSION}:${key}`);
  const needCount = 2 + Math.floor(random() * 4);
  const offerCount = 1 + Math.floor(random() * 4);
  const needed = drawThemes(random, needCount, weightTable(NEED_TABLES, NEED_WEIGHTS, subregion).slice());
  const offerPool = weightTable(OFFER_TABLES, OFFER_WEIGHTS, subregion).slice();
  for (let i = 0; i < offerPool.length; i++) if (needed & (1 << i)) offerPool[i] = 0;
  const offered = drawThemes(random, offerCount, offerPool);

  // Expertise share at level 3 grows from 10% (10k people or fewer) to 50% (10M or more).
  const size = Math.min(1, Math.max(0, (Math.log10(population) - 4) / 3));
  const needs: ThemeLevels = {};
  const offers: ThemeLevels = {};
  // Levels are drawn in theme order, so the maps' key order is canonical too.
  THEME_SLUGS.forEach((slug, i) => {
    if (needed & (1 << i)) needs[slug] = 1 + Math.floor(random() * 3);
    else if (offered & (1 << i)) offers[slug] = level(random(), 0.1 + 0.4 * size);
  });
  return { needs, offers };
}

function weightTable(cache: Map<string, number[]>, weights: Weights, subregion: string): number[] {
  let table = cache.get(subregion);
  if (!table) {
    table = THEME_SLUGS.map((slug) => weights[subregion]?.[slug] ?? 1);
    cache.set(subregion, table);
  }
  return table;
}

/** Draws `count` distinct themes, each with probability proportional to its weight; returns a bit set. */
function drawThemes(random: Random, count: number, pool: number[]): number {
  let picked = 0;
  for (let drawn = 0; drawn < count; drawn++) {
    let total = 0;
    let last = -1;
    for (let i = 0; i < pool.length; i++) {
      total += pool[i];
      if (pool[i] > 0) last = i;
    }
    if (last < 0) break;
    let target = random() * total;
    let index = 0;
    while (index < last && (pool[index] === 0 || target >= pool[index])) target -= pool[index++];
    picked |= 1 << index;
    pool[index] = 0;
  }
  return picked;
}

function level(draw: number, shareOfThree: number): number {
  if (draw < shareOfThree) return 3;
  return draw < shareOfThree + 0.4 ? 2 : 1;
}
