/**
 * A quick check of member records for the match command: true only when a record certainly
 * passes MemberRecordDto's rules, without loading class-validator and class-transformer
 * (a third of the command's time on the demo set). Anything it is not sure of (a contact,
 * an unusual but maybe valid value) goes to the full validation, which also words the errors.
 * A test holds it to the full validation: it never accepts a record that one rejects. The country
 * and language codes come from code-lists.ts, not the reference modules and their 2 MB of JSON.
 */
import { COUNTRY_CODES, LANGUAGE_CODES } from '../reference/code-lists';

const MEMBER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const THEME_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LEVELS = new Set(['city', 'municipality', 'region', 'association']);
const STATUSES = new Set(['active', 'inactive']);
const MAX_POPULATION = 2_000_000_000;
const REQUIRED = ['id', 'name', 'country', 'population', 'lat', 'lon', 'languages', 'status', 'needs', 'offers', 'partners', 'dismissed'];
const KNOWN = new Set([...REQUIRED, 'level', 'synthetic']);

export function certainlyValidRecords(records: unknown): records is Record<string, unknown>[] {
  return Array.isArray(records) && records.every(certainlyValidRecord);
}

function certainlyValidRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const r = value as Record<string, unknown>;
  for (const key in r) if (!KNOWN.has(key) || r[key] === undefined) return false;
  for (const key of REQUIRED) if (!(key in r)) return false;
  return (
    typeof r.id === 'string' &&
    MEMBER_ID.test(r.id) &&
    typeof r.name === 'string' &&
    r.name.length >= 1 &&
    r.name.length <= 200 &&
    typeof r.country === 'string' &&
    COUNTRY_CODES.has(r.country) &&
    Number.isInteger(r.population) &&
    (r.population as number) >= 1 &&
    (r.population as number) <= MAX_POPULATION &&
    plainDegrees(r.lat, 90) &&
    plainDegrees(r.lon, 180) &&
    distinctList(r.languages, isLanguageCode, 1) &&
    (!('level' in r) || LEVELS.has(r.level as string)) &&
    STATUSES.has(r.status as string) &&
    themeLevels(r.needs) &&
    themeLevels(r.offers) &&
    distinctList(r.partners, isMemberId, 0) &&
    distinctList(r.dismissed, isMemberId, 0) &&
    (!('synthetic' in r) || typeof r.synthetic === 'boolean')
  );
}

/**
 * A finite number within ±limit written without an exponent, as the latitude and longitude rules
 * read it. Below 1e21, String writes an exponent exactly for the non-zero numbers under 1e-6.
 */
function plainDegrees(value: unknown, limit: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const size = Math.abs(value);
  return size <= limit && (size === 0 || size >= 1e-6);
}

function distinctList(value: unknown, isItem: (item: unknown) => boolean, minLength: number): boolean {
  if (!Array.isArray(value) || value.length < minLength || !value.every(isItem)) return false;
  // Most lists are empty or short: compare pairs rather than build a Set for each.
  if (value.length <= 8) {
    for (let a = 1; a < value.length; a++) for (let b = 0; b < a; b++) if (value[a] === value[b]) return false;
    return true;
  }
  return new Set(value).size === value.length;
}

function isLanguageCode(value: unknown): boolean {
  return typeof value === 'string' && LANGUAGE_CODES.has(value);
}

function isMemberId(value: unknown): boolean {
  return typeof value === 'string' && MEMBER_ID.test(value);
}

/** Slugs already matched against THEME_SLUG: a file repeats a few themes thousands of times. */
const wellFormedSlugs = new Set<string>();

function themeLevels(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const levels = value as Record<string, unknown>;
  for (const slug in levels) {
    const level = levels[slug];
    if (!Number.isInteger(level) || (level as number) < 1 || (level as number) > 3) return false;
    if (!wellFormedSlugs.has(slug)) {
      if (!THEME_SLUG.test(slug)) return false;
      wellFormedSlugs.add(slug);
    }
  }
  return true;
}
