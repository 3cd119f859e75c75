import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalidInput } from '../../http/api-errors';
import { recordJob } from '../../jobs/outbox/outbox';
import { subregionOf } from '../../reference/countries';
import { ThemesService } from '../../themes/themes.service';
import { MemberContactsService } from '../../users';
import type { MemberRecord } from '../member-record';
import { toMemberRecord } from '../member-view';
import { MembersRepository } from '../members.repository';
import { type RecordError, validateMemberRecordsInSlices } from './validate-member-records';

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
    private readonly members: MembersRepository,
    private readonly themes: ThemesService,
    private readonly contacts: MemberContactsService,
  ) {}

  /**
   * All or nothing: any bad record rejects the whole batch, listing the first problems (at most
   * MAX_LISTED_ERRORS: checking stops there). Checked before the transaction opens, so a long
   * check holds no lock; ids are never deleted, so the stored ids read first stay valid.
   */
  async import(records: unknown): Promise<ImportSummary> {
    const knownThemes = await this.themes.knownSlugs();
    const knownIds = await this.members.existingIds();
    const { errors, complete, checked } = await validateMemberRecordsInSlices(records, { knownThemes, knownIds });
    if (errors.length > 0) throw importRefused(errors, complete, checked, Array.isArray(records) ? records.length : 0);
    return this.dataSource.transaction(async (manager) => {
      const members = this.members.within(manager);
      const batch = (records as MemberRecord[]).map(toImportRow);
      const changed = await members.upsert(batch);
      await this.contacts.sync(
        manager,
        batch.map((row) => ({ memberId: row.id, name: row.contact_name, email: row.contact_email })),
      );
      const created = changed.filter((row) => row.created).length;
      if (changed.length > 0) await recordJob(manager, 'suggestions.recompute', { reason: `import of ${batch.length} members` });
      // Partners listed in the records get their partnerships (at implementing) if they have none.
      const withPartners = batch.filter((record) => record.partners.length > 0).map((record) => record.id);
      if (withPartners.length > 0) await recordJob(manager, 'partnerships.partners-imported', { memberIds: withPartners });
      return { received: batch.length, created, updated: changed.length - created, unchanged: batch.length - changed.length };
    });
  }

  async export(): Promise<MemberRecord[]> {
    const members = await this.members.all();
    // A contact's user is the living record of it (a renamed contact is exported renamed).
    const contacts = await this.contacts.contactsByMember();
    return members.map((member) => {
      const record = toMemberRecord(member);
      const contact = contacts.get(member.id);
      // A record that gave no contact name keeps none (the user was named after its address).
      return contact ? { ...record, contact: { name: member.contactName === null ? null : contact.name, email: contact.email } } : record;
    });
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

function importRefused(errors: RecordError[], complete: boolean, checked: number, received: number) {
  const records = new Set(errors.map((error) => error.index)).size;
  const found = `${errors.length} problem(s) in ${records} record(s)`;
  const message = complete
    ? `${found}; nothing was imported`
    : `${found} in the first ${checked} of ${received} records; checking stopped there and nothing was imported`;
  return invalidInput(message, errors, { errorCount: errors.length, complete, checkedRecords: checked, receivedRecords: received });
}
