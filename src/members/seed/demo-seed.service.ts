import { Injectable, Logger } from '@nestjs/common';
import { type ImportSummary, MembersImportService } from '../import/members-import.service';
import { MembersRepository } from '../members.repository';
import { DEMO_SEED, loadGeoNamesProfiles } from '.';

/** Loads the GeoNames demo members through the ordinary import, so they pass the same rules as any data. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly members: MembersRepository,
    private readonly importer: MembersImportService,
  ) {}

  async seed(): Promise<ImportSummary> {
    const started = Date.now();
    const summary = await this.importer.import(loadGeoNamesProfiles(DEMO_SEED));
    this.logger.log(`Demo data: ${summary.created} members created, ${summary.updated} updated in ${Date.now() - started} ms`);
    return summary;
  }

  async seedIfEmpty(): Promise<boolean> {
    if ((await this.members.count()) > 0) return false;
    await this.seed();
    return true;
  }
}
