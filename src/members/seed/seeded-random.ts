/** A small, fast PRNG (mulberry32) seeded from a string, so each demo profile depends on its key alone. */
export type Random = () => number;

// A module-level binding: looking up the global `Math` on every call is slow inside VM contexts (jest).
const { imul } = Math;

/** 32-bit FNV-1a hash of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Uniform numbers in [0, 1), the same sequence for the same key on every run and platform. */
export function seededRandom(key: string): Random {
  let state = fnv1a(key);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = imul(state ^ (state >>> 15), 1 | state);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
