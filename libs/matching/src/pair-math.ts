/**
 * The arithmetic of one pair, shared by the profile functions and the kernel so that both
 * give bit-for-bit the same scores. Every operation is written so that swapping the two
 * members cannot change a result (sums run in theme order, products and differences are
 * symmetric), which makes the kernel's scores independent of how pairs are split up.
 */
import { MAX_LEVEL } from './profile';

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;
/** Distance at which geo proximity falls to 1/e, km. */
export const GEO_SCALE_KM = 2000;

const DEGREE = Math.PI / 180;

/**
 * thematic(A←B) = Σ n_A·o_B / N_A = Σ (need level × offer level) / (3 × Σ need levels). With
 * integer levels both sums are exact integers, so only the scaling rounds, whatever the
 * order of the terms. The scale is 0 for a member without needs (its sums are 0 too).
 */
export function thematicScale(needLevelSum: number): number {
  return needLevelSum > 0 ? 1 / (MAX_LEVEL * needLevelSum) : 0;
}

/** shared(A←B) = Σ min(need levels) × sharedScale(Σ A's need levels). */
export function sharedScale(needLevelSum: number): number {
  return needLevelSum > 0 ? 1 / needLevelSum : 0;
}

/** Unit vector of a point on the sphere. */
export function unitVector(lat: number, lon: number): [number, number, number] {
  const phi = lat * DEGREE;
  const lambda = lon * DEGREE;
  const c = Math.cos(phi);
  return [c * Math.cos(lambda), c * Math.sin(lambda), Math.sin(phi)];
}

/**
 * Great-circle distance from the squared chord between two unit vectors. The chord form
 * stays accurate for nearby points, where acos of a dot product loses half its digits.
 */
export function distanceFromChord2(chord2: number): number {
  const half = Math.sqrt(chord2) * 0.5;
  return 2 * EARTH_RADIUS_KM * Math.asin(half < 1 ? half : 1);
}

export function geoFromChord2(chord2: number): number {
  return Math.exp(-distanceFromChord2(chord2) / GEO_SCALE_KM);
}

/**
 * exp(-|ln a - ln b| / ln 10) = min(up_a * down_b, up_b * down_a), with
 * up = exp(ln p / ln 10) and down = exp(-ln p / ln 10): two products per pair instead of an exp.
 */
export function sizeUp(population: number): number {
  return Math.exp(Math.log(population) / Math.LN10);
}

export function sizeDown(population: number): number {
  return Math.exp(-Math.log(population) / Math.LN10);
}

export function populationFromSizes(upA: number, downA: number, upB: number, downB: number): number {
  if (upA === upB) return 1; // up × down rounds to 1 − 1 ulp
  const p = upA * downB;
  const q = upB * downA;
  return p < q ? p : q;
}

/** Harmonic mean of the two directional scores, 0 when both are 0. */
export function harmonic(x: number, y: number): number {
  const sum = x + y;
  return sum > 0 ? (2 * (x * y)) / sum : 0;
}
