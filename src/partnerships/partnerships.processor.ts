import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandlers } from '../jobs/job-handlers';
import { DormancyService } from './dormancy.service';
import { PartnersImportService } from './partners-import.service';

/** The partnership jobs: each unpacks its payload and calls one service method. */
@Injectable()
export class PartnershipsProcessor implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly dormancy: DormancyService,
    private readonly partnersImport: PartnersImportService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('partnerships.dormancy-sweep', ({ asOf }) => this.dormancy.sweep(asOf ? new Date(asOf) : undefined));
    this.handlers.register('partnerships.dormancy-check', ({ partnershipId, asOf }) => this.dormancy.check(partnershipId, new Date(asOf)));
    this.handlers.register('partnerships.partners-imported', ({ memberIds }) => this.partnersImport.openMissing(memberIds));
  }
}
