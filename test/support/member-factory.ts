import type { MemberRecord } from '../../src/members/member-record';

let sequence = 0;

/** A valid member record; override what the test is about. */
export function memberRecord(overrides: Partial<MemberRecord> = {}): MemberRecord {
  sequence += 1;
  return {
    id: `test-${sequence}`,
    name: `Test City ${sequence}`,
    country: 'PH',
    population: 450_000,
    lat: 10.6969,
    lon: 122.5644,
    languages: ['fil', 'eng'],
    level: 'city',
    status: 'active',
    needs: { 'climate-change': 3 },
    offers: { 'disaster-resilience': 2 },
    partners: [],
    dismissed: [],
    contact: { name: 'International Relations Office', email: `office${sequence}@example.org` },
    synthetic: false,
    ...overrides,
  };
}

/**
 * A snapshot of what users gave us (members, dismissals, settings; themes come from migrations), to prove a
 * rejected request changed nothing. Background work (outbox, generations) moves on by itself and is left out.
 */
export async function databaseSnapshot(dataSource: { query(sql: string): Promise<unknown[]> }): Promise<unknown> {
  const tables: Record<string, string> = {
    members: 'SELECT * FROM members ORDER BY id',
    themes: 'SELECT * FROM themes ORDER BY slug',
    settings: 'SELECT * FROM matching_settings',
    dismissals: 'SELECT * FROM dismissal_notes ORDER BY member_id, candidate_id',
  };
  const snapshot: Record<string, unknown> = {};
  for (const [name, sql] of Object.entries(tables)) snapshot[name] = await dataSource.query(sql);
  return JSON.parse(JSON.stringify(snapshot));
}
