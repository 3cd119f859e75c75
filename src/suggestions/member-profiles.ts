import type { MatchProfile } from '@citymatch/matching';
import type { EntityManager } from 'typeorm';

/** Every active member as the matching library reads it, in id order so that indices are stable. */
export async function loadActiveProfiles(manager: EntityManager): Promise<MatchProfile[]> {
  return manager.query(
    `SELECT id, name, country, subregion, population, lat, lon, languages, status, needs, offers, partners, dismissed
     FROM members WHERE status = 'active' ORDER BY id`,
  );
}

export async function loadProfile(manager: EntityManager, id: string): Promise<MatchProfile | undefined> {
  const [profile] = await manager.query(
    `SELECT id, name, country, subregion, population, lat, lon, languages, status, needs, offers, partners, dismissed
     FROM members WHERE id = $1`,
    [id],
  );
  return profile;
}
