/**
 * The score components, in one table. Weights, the default weights, component scores,
 * stored components, explanations and the weights API all derive from it; the kernel's
 * stages are checked against it by test (kernel/kernel-components.spec.ts).
 *
 * directional(A←B) = Σ weight × component, added in table order (the order is part of the
 * contract: the kernel adds in the same order, so both give the same bits). Geo comes last
 * because the kernel computes the distance last, for the pairs that survive every bound.
 * Adding a component: a row here, its pair function, and its term in kernel/scan.ts.
 */
import { geoProximity, populationSimilarity, sharedLanguage, sharedNeeds, thematicFit, tierFit } from './pair-functions';
import type { MatchProfile } from './profile';

export interface ComponentSpec {
  readonly key: string;
  /** Before scaling; the defaults sum to 1. A component at 0 does not change default scores. */
  readonly defaultWeight: number;
  /** What it measures, for the weights API, the CLI's help and explanations. */
  readonly meaning: string;
  /** Its value for directional(A←B), in [0, 1]: what B brings to A. */
  readonly pair: (a: MatchProfile, b: MatchProfile) => number;
  /** Whether pair(a, b) equals pair(b, a) for every pair. */
  readonly symmetric: boolean;
  /** The upper bound the kernel's first pass tests it at, before its exact value is known. */
  readonly kernelBound: string;
  /**
   * Its position among a suggestion's stored components (B←A, for a directional one, at
   * the next); absent for a component not stored.
   */
  readonly storedAt?: number;
}

export const COMPONENTS = [
  {
    key: 'thematic',
    defaultWeight: 0.45,
    meaning: "how much of the member's weighted needs the candidate offers, by priority × expertise",
    pair: thematicFit,
    symmetric: false,
    kernelBound: 'exact (theme sums by packed dot products)',
    storedAt: 0,
  },
  {
    key: 'shared',
    defaultWeight: 0.15,
    meaning: 'the needs both sides have in common, by priority',
    pair: sharedNeeds,
    symmetric: false,
    kernelBound: "at most the member's need levels over the themes both need",
    storedAt: 2,
  },
  {
    key: 'population',
    defaultWeight: 0.15,
    meaning: 'similar size: 1 for equal populations, 1/e for a tenfold gap',
    pair: populationSimilarity,
    symmetric: true,
    kernelBound: 'exact',
    storedAt: 4,
  },
  {
    key: 'language',
    defaultWeight: 0.15,
    meaning: '1 when the two share a language, else 0',
    pair: sharedLanguage,
    symmetric: true,
    kernelBound: '1 when the language folds meet, else 0',
    storedAt: 6,
  },
  {
    key: 'tier',
    defaultWeight: 0,
    meaning: 'levels of government: 1 for the same level, 0.5 for a city and a municipality, else 0',
    pair: tierFit,
    symmetric: true,
    kernelBound: '1',
  },
  {
    key: 'geo',
    defaultWeight: 0.1,
    meaning: 'nearness: 1/e at 2,000 km',
    pair: geoProximity,
    symmetric: true,
    kernelBound: 'the nearest distance of its chord bucket (geo-bound.ts)',
    storedAt: 5,
  },
] as const satisfies readonly ComponentSpec[];

export type ComponentKey = (typeof COMPONENTS)[number]['key'];

/** How much each component counts in a directional score. */
export type Weights = { [K in ComponentKey]: number };

/** The components of a directional score, each in [0, 1]. */
export type ComponentScores = { [K in ComponentKey]: number };

export const WEIGHT_KEYS: readonly ComponentKey[] = COMPONENTS.map((c) => c.key);

export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze(
  Object.fromEntries(COMPONENTS.map((c) => [c.key, c.defaultWeight])) as Weights,
);

/** directional(A←B) from its components, with weights that already sum to 1, in table order. */
export function directionalFromComponents(w: Weights, c: ComponentScores): number {
  let sum = 0;
  for (const key of WEIGHT_KEYS) sum += w[key] * c[key];
  return sum;
}

/** Each component times its weight. */
export function contributions(w: Weights, c: ComponentScores): ComponentScores {
  return Object.fromEntries(WEIGHT_KEYS.map((key) => [key, w[key] * c[key]])) as ComponentScores;
}

type Stored<C> = C extends { key: infer K extends string; storedAt: number }
  ? C extends { symmetric: false }
    ? K | `${K}Back`
    : K
  : never;
export type StoredComponentName = Stored<(typeof COMPONENTS)[number]>;

/** The components stored with each suggestion of A's list (candidate B), in storage order. */
export const STORED_COMPONENTS: readonly StoredComponentName[] = COMPONENTS.flatMap((c): [number, StoredComponentName][] => {
  if (!('storedAt' in c)) return [];
  return c.symmetric
    ? [[c.storedAt, c.key]]
    : [
        [c.storedAt, c.key],
        [c.storedAt + 1, `${c.key}Back`],
      ];
})
  .sort(([x], [y]) => x - y)
  .map(([, name]) => name);
