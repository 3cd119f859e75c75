import fc from 'fast-check';
import type { MemberRecord } from '../../src/members/member-record';
import { THEME_SLUGS } from '../../src/reference/themes';

/** Real places spread over the region, so distances and languages vary like the real network's. */
const PLACES: Array<Pick<MemberRecord, 'country' | 'lat' | 'lon' | 'languages'>> = [
  { country: 'ID', lat: -7.25, lon: 112.75, languages: ['ind'] },
  { country: 'PH', lat: 10.7, lon: 122.56, languages: ['fil', 'eng'] },
  { country: 'FJ', lat: -18.14, lon: 178.44, languages: ['eng', 'fij'] },
  { country: 'JP', lat: 34.69, lon: 135.5, languages: ['jpn'] },
  { country: 'IN', lat: 19.07, lon: 72.88, languages: ['hin', 'eng'] },
  { country: 'VN', lat: 16.05, lon: 108.2, languages: ['vie'] },
  { country: 'NZ', lat: -41.29, lon: 174.78, languages: ['eng', 'mri'] },
  { country: 'MN', lat: 47.92, lon: 106.92, languages: ['mon'] },
];

const levels = fc.dictionary(fc.constantFrom(...THEME_SLUGS), fc.integer({ min: 1, max: 3 }), { maxKeys: 4 });

/** An arbitrary valid member with the given id, for property tests against the running app. */
export function arbitraryMember(id: string): fc.Arbitrary<MemberRecord> {
  return fc
    .record({
      place: fc.constantFrom(...PLACES),
      population: fc.integer({ min: 5_000, max: 20_000_000 }),
      needs: levels,
      offers: levels,
    })
    .map(({ place, population, needs, offers }) => ({
      id,
      name: `City ${id}`,
      ...place,
      population,
      status: 'active' as const,
      needs,
      offers,
      partners: [],
      dismissed: [],
    }));
}

export function sampleMembers(count: number, seed: number): MemberRecord[] {
  return Array.from(
    { length: count },
    (_, index) => fc.sample(arbitraryMember(`m${String(index).padStart(3, '0')}`), { numRuns: 1, seed: seed + index })[0],
  );
}
