import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalidInput } from '../../http/api-errors';
import { recordJob } from '../../jobs/outbox/outbox';
import { subregionOf } from '../../reference/countries';
import { ThemesService } from '../../themes/themes.service';
import { Member } from '../member.entity';
import type { MemberRecord } from '../member-record';
import { toMemberRecord } from '../member-view';
import { UPSERT_MEMBERS_SQL } from './upsert-members.sql';
import { validateMemberRecords } from './validate-member-records';

export interface ImportSummary {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** Bulk import and export in the member record format; export then import changes nothing. */
@Injectable()
export class MembersImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly themes: ThemesService,
  ) {}

  /** All or nothing: any bad record rejects the whole batch with every problem listed. */
  async import(records: unknown): Promise<ImportSummary> {
    const knownThemes = await this.themes.knownSlugs();
    return this.dataSource.transaction(async (manager) => {
      const knownIds = new Set<string>((await manager.query('SELECT id FROM members')).map((row: { id: string }) => row.id));
      const errors = validateMemberRecords(records, { knownThemes, knownIds });
      if (errors.length > 0) {
        const rows = new Set(errors.map((error) => error.index)).size;
        throw invalidInput(`${errors.length} problem(s) in ${rows} record(s); nothing was imported`, errors);
      }
      const batch = (records as MemberRecord[]).map(toImportRow);
      const changed: Array<{ id: string; created: boolean }> = batch.length
        ? await manager.query(UPSERT_MEMBERS_SQL, [JSON.stringify(batch)])
        : [];
      const created = changed.filter((row) => row.created).length;
      if (changed.length > 0) await recordJob(manager, 'suggestions.recompute', { reason: `import of ${batch.length} members` });
      return { received: batch.length, created, updated: changed.length - created, unchanged: batch.length - changed.length };
    });
  }

  async export(): Promise<MemberRecord[]> {
    const members = await this.dataSource.manager.find(Member, { order: { id: 'ASC' } });
    return members.map(toMemberRecord);
  }
}

function toImportRow(record: MemberRecord) {
  return {
    id: record.id,
    name: record.name,
    country: record.country,
    subregion: subregionOf(record.country),
    lat: record.lat,
    lon: record.lon,
    population: record.population,
    languages: record.languages,
    level: record.level ?? 'city',
    status: record.status,
    needs: record.needs,
    offers: record.offers,
    partners: record.partners,
    dismissed: record.dismissed,
    contact_name: record.contact?.name ?? null,
    contact_email: record.contact?.email ?? null,
    open_to_partnerships: record.openToPartnerships ?? true,
    capacity: record.capacity ?? null,
    synthetic: record.synthetic ?? false,
  };
}
