import type { MatchProfile } from '@citymatch/matching';
import type { EntityManager } from 'typeorm';

/** The member columns the matching library reads, named as MatchProfile names them. */
const PROFILE_COLUMNS = 'id, name, country, subregion, population, lat, lon, languages, status, needs, offers, partners, dismissed';

/** Every active member as the matching library reads it, in id order so that indices are stable. */
export function loadActiveProfiles(manager: EntityManager): Promise<MatchProfile[]> {
  return manager.query(`SELECT ${PROFILE_COLUMNS} FROM members WHERE status = 'active' ORDER BY id`);
}

export async function loadProfile(manager: EntityManager, id: string): Promise<MatchProfile | undefined> {
  const [profile] = await loadProfiles(manager, [id]);
  return profile;
}

export function loadProfiles(manager: EntityManager, ids: readonly string[]): Promise<MatchProfile[]> {
  return manager.query(`SELECT ${PROFILE_COLUMNS} FROM members WHERE id = ANY($1)`, [ids]);
}
