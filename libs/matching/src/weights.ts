import { DEFAULT_WEIGHTS, WEIGHT_KEYS, type Weights } from './component-table';

export { DEFAULT_WEIGHTS, WEIGHT_KEYS, type Weights };

export class InvalidWeightsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidWeightsError';
  }
}

/**
 * Completes a partial set of weights with the defaults and scales it to sum to 1.
 * `{ geo: 0 }` drops distance and rescales the rest; `{ thematic: 1 }` raises thematic fit
 * against the other defaults. Throws InvalidWeightsError naming the key for an unknown key
 * or a negative or non-finite value, and when every weight is zero.
 */
export function normaliseWeights(partial: Partial<Weights> = {}): Weights {
  if (NORMALISED.has(partial)) return partial as Weights;
  if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) {
    throw new InvalidWeightsError('weights must be an object');
  }
  for (const key of Object.keys(partial)) {
    if (!(WEIGHT_KEYS as readonly string[]).includes(key)) {
      throw new InvalidWeightsError(`unknown weight "${key}"; expected one of ${WEIGHT_KEYS.join(', ')}`);
    }
  }
  const merged = { ...DEFAULT_WEIGHTS };
  for (const key of WEIGHT_KEYS) {
    const value = partial[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new InvalidWeightsError(`weight "${key}" must be a finite number >= 0, got ${String(value)}`);
    }
    merged[key] = value;
  }
  const total = WEIGHT_KEYS.reduce((sum, key) => sum + merged[key], 0);
  if (total === 0) throw new InvalidWeightsError('at least one weight must be above zero');
  if (!Number.isFinite(total)) throw new InvalidWeightsError('weights are too large to add up');
  for (const key of WEIGHT_KEYS) merged[key] /= total;
  const normalised = Object.freeze(merged);
  NORMALISED.add(normalised);
  return normalised;
}

/**
 * Results of normaliseWeights, passed back as they are: dividing again by a total that
 * rounds to 1 ± 1 ulp would shift the last bits, and every path must score identically.
 */
const NORMALISED = new WeakSet<object>([DEFAULT_WEIGHTS]);
