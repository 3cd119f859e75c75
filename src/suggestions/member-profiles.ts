import { prepareDataset, replaceMember, type MatchProfile, type PreparedDataset } from '@citymatch/matching';
import type { EntityManager } from 'typeorm';

/**
 * The member columns the matching library reads, named as MatchProfile names them. A pair whose
 * partnership ended counts as partners (not suggested again) until the secretariat reopens it.
 */
export const PROFILE_COLUMNS = `id, name, country, subregion, population, lat, lon, languages, status, needs, offers,
  partners || ARRAY(SELECT CASE WHEN e.member_a = members.id THEN e.member_b ELSE e.member_a END FROM partnerships e
    WHERE e.stage = 'ended' AND (e.member_a = members.id OR e.member_b = members.id) AND NOT EXISTS (
      SELECT 1 FROM partnerships r WHERE r.member_a = e.member_a AND r.member_b = e.member_b AND r.opened_at > e.opened_at)) AS partners,
  dismissed`;

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

/** Above this many changed members since the last call, preparing them all is as quick as patching. */
const MAX_REPLACED = 32;

/**
 * The active members, prepared for the kernel, kept in memory between calls: each call reads only
 * the row versions (`xmin`, new for every write to a row) and loads again just the rows that
 * changed, so a process that applies one change after another does not read every member each time.
 * Members whose profile changed are patched into the prepared dataset (replaceMember) rather than
 * preparing every member again, when that is possible.
 */
export class ActiveProfilesCache {
  private rows = new Map<string, { version: string; profile: MatchProfile }>();
  private prepared?: PreparedDataset;
  /** Profiles changed since `prepared` was made, before and after; undefined when it must be made again. */
  private replaced?: Array<[MatchProfile, MatchProfile]> = [];

  /** The prepared active members as `manager` sees them now. */
  async current(manager: EntityManager): Promise<PreparedDataset> {
    await this.refresh(manager);
    return this.preparedNow();
  }

  /** Reads what changed since the last call; preparedNow() then prepares them (CPU only). */
  async refresh(manager: EntityManager): Promise<void> {
    const versions: Array<{ id: string; version: string }> = await manager.query(
      `SELECT id, xmin::text AS version FROM members WHERE status = 'active'`,
    );
    const stale = versions.filter(({ id, version }) => this.rows.get(id)?.version !== version);
    if (stale.length > 0) {
      // Each row with the version it was read at: a row written in between is simply read again next time.
      const rows: Array<MatchProfile & { version: string }> = await manager.query(
        `SELECT ${PROFILE_COLUMNS}, xmin::text AS version FROM members WHERE id = ANY($1)`,
        [stale.map(({ id }) => id)],
      );
      for (const { version, ...profile } of rows) {
        const before = this.rows.get(profile.id)?.profile;
        if (before && this.replaced && this.replaced.length < MAX_REPLACED) this.replaced.push([before, profile]);
        else this.replaced = undefined; // a member joined, or too many changed
        this.rows.set(profile.id, { version, profile });
      }
    }
    if (versions.length !== this.rows.size) {
      this.replaced = undefined; // a member left
      const active = new Set(versions.map(({ id }) => id));
      for (const id of [...this.rows.keys()]) if (!active.has(id)) this.rows.delete(id);
    }
  }

  /** An active member as last read. */
  profile(id: string): MatchProfile | undefined {
    return this.rows.get(id)?.profile;
  }

  preparedNow(): PreparedDataset {
    let prepared = this.replaced ? this.prepared : undefined;
    for (const [before, after] of this.replaced ?? []) prepared = prepared && replaceMember(prepared, before, after);
    this.replaced = [];
    if (prepared) return (this.prepared = prepared);
    prepared = prepareDataset([...this.rows.values()].map((row) => row.profile));
    // Kept in the kernel's order (what members offer, then id), which a change rarely disturbs: the
    // kernel's sort of the next call then finds its input almost sorted.
    const rows = new Map(prepared.ids.map((id) => [id, this.rows.get(id)!]));
    for (const [id, row] of this.rows) if (!rows.has(id)) rows.set(id, row);
    this.rows = rows;
    return (this.prepared = prepared);
  }
}
