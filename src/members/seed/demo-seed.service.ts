import { Injectable, Logger } from '@nestjs/common';
import { MembersImportService } from '../import/members-import.service';
import type { MemberRecord } from '../member-record';
import { MembersRepository } from '../members.repository';
import { DEMO_SEED, loadGeoNamesProfiles } from '.';

export interface SeedSummary {
  /** Demo members the network did not have, now added. */
  created: number;
  /** Demo members already present exactly as generated. */
  unchanged: number;
  /** Members with a demo id that differ from the demo data (edited by people or an import): left as they are. */
  keptAsChanged: string[];
}

/**
 * Loads the GeoNames demo members through the ordinary import, so they pass the same rules as any
 * data. It only adds: a member that exists is never changed, whatever the seed would have made of it.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly members: MembersRepository,
    private readonly importer: MembersImportService,
  ) {}

  async seed(): Promise<SeedSummary> {
    const started = Date.now();
    const stored = new Map((await this.importer.export()).map((record) => [record.id, canonical(record)]));
    const demo = loadGeoNamesProfiles(DEMO_SEED);
    const missing = demo.filter((record) => !stored.has(record.id));
    const keptAsChanged = demo.filter((record) => stored.has(record.id) && stored.get(record.id) !== canonical(record)).map((r) => r.id);
    if (missing.length > 0) await this.importer.import(missing);
    const summary = { created: missing.length, unchanged: demo.length - missing.length - keptAsChanged.length, keptAsChanged };
    this.logger.log(
      `Demo data: ${summary.created} members created, ${summary.unchanged} unchanged, ${keptAsChanged.length} kept as changed since, in ${Date.now() - started} ms`,
    );
    return summary;
  }

  async seedIfEmpty(): Promise<boolean> {
    if ((await this.members.count()) > 0) return false;
    await this.seed();
    return true;
  }
}

/**
 * A record as text that two equal members share, whatever the key order and defaults left out. Partners are left
 * out: they follow the partnerships (the demo partnerships make some demo members partners), not the member's data.
 */
function canonical(record: MemberRecord): string {
  const sorted = (levels: Record<string, number>) => Object.fromEntries(Object.entries(levels).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify([
    record.id,
    record.name,
    record.country,
    record.population,
    record.lat,
    record.lon,
    record.languages,
    record.level ?? 'city',
    record.status,
    sorted(record.needs),
    sorted(record.offers),
    [...record.dismissed].sort(),
    record.contact?.name ?? null,
    record.contact?.email ?? null,
    record.synthetic ?? false,
  ]);
}
