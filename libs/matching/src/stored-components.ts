import {
  distanceFromChord2,
  GEO_SCALE_KM,
  populationFromSizes,
  sharedScale,
  sizeDown,
  sizeUp,
  thematicScale,
  unitVector,
} from './pair-math';
import { STORED_COMPONENTS, type StoredComponentName } from './component-table';
import { presentThemes, type MatchProfile } from './profile';

export { STORED_COMPONENTS, type StoredComponentName };

/** Where each stored component goes among a suggestion's STORED_COMPONENTS. */
const AT = Object.fromEntries(STORED_COMPONENTS.map((name, n) => [name, n])) as Record<StoredComponentName, number>;

/** What a profile contributes to every pair it is in, worked out once, with themes and languages as small numbers. */
interface Derived {
  needThemes: Int32Array;
  needLevels: Int32Array;
  /** Levels by theme number; themes numbered after this profile was derived are absent (0). */
  needsByTheme: Uint8Array;
  offersByTheme: Uint8Array;
  languages: Int32Array;
  thematicScale: number;
  sharedScale: number;
  up: number;
  down: number;
  x: number;
  y: number;
  z: number;
}

/**
 * The components of many pairs, as `pairComponents` gives them but without its per-pair
 * allocations, string lookups and repeated per-member work: writing a full recompute's ~300,000
 * stored suggestions must take a small part of the recompute. The arithmetic is
 * `pairComponents`' own (integer level sums, then the same scaling), so the values are equal.
 */
export class StoredComponentsWriter {
  private readonly derived = new WeakMap<MatchProfile, Derived>();
  private readonly themeNumbers = new Map<string, number>();
  private readonly languageNumbers = new Map<string, number>();

  /** Writes the stored components of candidate `b` in `a`'s list at `out[offset..]`, in STORED_COMPONENTS order. */
  write(a: MatchProfile, b: MatchProfile, out: Float32Array | Float64Array, offset: number): void {
    const da = this.of(a);
    const db = this.of(b);
    let products = 0;
    let minima = 0;
    for (let i = 0; i < da.needThemes.length; i++) {
      const theme = da.needThemes[i];
      const need = da.needLevels[i];
      const offer = theme < db.offersByTheme.length ? db.offersByTheme[theme] : 0;
      products += need * offer;
      const other = theme < db.needsByTheme.length ? db.needsByTheme[theme] : 0;
      minima += need < other ? need : other;
    }
    let productsBack = 0;
    for (let i = 0; i < db.needThemes.length; i++) {
      const theme = db.needThemes[i];
      productsBack += db.needLevels[i] * (theme < da.offersByTheme.length ? da.offersByTheme[theme] : 0);
    }
    const dx = da.x - db.x;
    const dy = da.y - db.y;
    const dz = da.z - db.z;
    out[offset + AT.thematic] = products * da.thematicScale;
    out[offset + AT.thematicBack] = productsBack * db.thematicScale;
    out[offset + AT.shared] = minima * da.sharedScale;
    out[offset + AT.sharedBack] = minima * db.sharedScale;
    out[offset + AT.population] = populationFromSizes(da.up, da.down, db.up, db.down);
    out[offset + AT.geo] = Math.exp(-distanceFromChord2(dx * dx + dy * dy + dz * dz) / GEO_SCALE_KM);
    out[offset + AT.language] = shareOne(da.languages, db.languages) ? 1 : 0;
  }

  private of(p: MatchProfile): Derived {
    let derived = this.derived.get(p);
    if (derived) return derived;
    const needThemes = presentThemes(p.needs);
    const offerThemes = presentThemes(p.offers);
    for (const theme of [...needThemes, ...offerThemes]) number(this.themeNumbers, theme);
    const needsByTheme = new Uint8Array(this.themeNumbers.size);
    const offersByTheme = new Uint8Array(this.themeNumbers.size);
    for (const theme of needThemes) needsByTheme[this.themeNumbers.get(theme)!] = p.needs[theme];
    for (const theme of offerThemes) offersByTheme[this.themeNumbers.get(theme)!] = p.offers[theme];
    const needSum = needThemes.reduce((sum, theme) => sum + p.needs[theme], 0);
    const [x, y, z] = unitVector(p.lat, p.lon);
    derived = {
      needThemes: Int32Array.from(needThemes, (theme) => this.themeNumbers.get(theme)!),
      needLevels: Int32Array.from(needThemes, (theme) => p.needs[theme]),
      needsByTheme,
      offersByTheme,
      languages: Int32Array.from(p.languages, (language) => number(this.languageNumbers, language)),
      thematicScale: thematicScale(needSum),
      sharedScale: sharedScale(needSum),
      up: sizeUp(p.population),
      down: sizeDown(p.population),
      x,
      y,
      z,
    };
    this.derived.set(p, derived);
    return derived;
  }
}

function number(numbers: Map<string, number>, key: string): number {
  let value = numbers.get(key);
  if (value === undefined) numbers.set(key, (value = numbers.size));
  return value;
}

function shareOne(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}
