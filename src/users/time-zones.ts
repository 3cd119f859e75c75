import tzLookup from '@photostructure/tz-lookup';
import { getCountry } from 'countries-and-timezones';

/** Where nobody said otherwise (a secretariat user without a zone of its own). */
export const FALLBACK_TIME_ZONE = 'UTC';

/**
 * A member's time zone: its country's, when the country has one zone, else the zone at its
 * coordinates (the country-level answer avoids a border town landing in its neighbour's zone).
 */
export function memberTimeZone(country: string, lat: number, lon: number): string {
  const zones = getCountry(country)?.timezones ?? [];
  if (zones.length === 1) return zones[0];
  return tzLookup(lat, lon);
}

const known = new Map<string, boolean>();

/** Whether the runtime knows this IANA zone (Intl's data is the one every formatter uses). */
export function isTimeZone(zone: string): boolean {
  let answer = known.get(zone);
  if (answer === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      answer = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
    } catch {
      answer = false;
    }
    known.set(zone, answer);
  }
  return answer;
}
