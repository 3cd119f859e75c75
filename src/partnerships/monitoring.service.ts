import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock';
import { invalidInput } from '../http/api-errors';
import type { CreateActivityDto, CreateMilestoneDto, UpdateMilestoneDto } from './dto/monitoring.dto';
import { assertMayRead } from './partnership-access';
import { milestoneNotFound, partnershipClosed, partnershipNotFound, staleVersion } from './partnership-errors';
import { isClosed } from './partnership-stages';
import type { PartnershipRecord } from './partnership.types';
import { dayOf, definedFields, type PartnershipView } from './partnership-view';
import { PartnershipsRepository } from './partnerships.repository';
import { PartnershipsService } from './partnerships.service';

/** A closed partnership's record stays as it was closed (the stage table says which stages are closed). */
function assertOpen(partnership: PartnershipRecord, change: string): void {
  if (isClosed(partnership.stage)) throw partnershipClosed(partnership.stage, change);
}

/**
 * The action plan and what happened: milestones and activities of a partnership, written by its
 * members' officials or the secretariat. An activity on a dormant partnership revives it.
 */
@Injectable()
export class MonitoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PartnershipsRepository,
    private readonly partnerships: PartnershipsService,
    private readonly clock: Clock,
  ) {}

  addMilestone(id: string, dto: CreateMilestoneDto, principal?: Principal): Promise<PartnershipView> {
    return this.dataSource.transaction(async (manager) => {
      const repository = this.repository.within(manager);
      const partnership = await repository.byId(id, true);
      if (!partnership) throw partnershipNotFound(id);
      assertMayRead(principal, partnership);
      assertOpen(partnership, 'adding a milestone');
      await repository.insertMilestone(id, {
        id: randomUUID(),
        title: dto.title,
        dueOn: dto.dueOn,
        doneOn: null,
        responsible: dto.responsible ?? null,
        version: 1,
      });
      const touched = await repository.update({ ...partnership, updatedAt: this.clock.now().toISOString() });
      return this.partnerships.view(touched, repository);
    });
  }

  updateMilestone(id: string, milestoneId: string, dto: UpdateMilestoneDto, principal?: Principal): Promise<PartnershipView> {
    return this.dataSource.transaction(async (manager) => {
      const repository = this.repository.within(manager);
      const partnership = await repository.byId(id, true);
      if (!partnership) throw partnershipNotFound(id);
      assertMayRead(principal, partnership);
      assertOpen(partnership, 'changing a milestone');
      const milestone = await repository.milestone(id, milestoneId, true);
      if (!milestone) throw milestoneNotFound(milestoneId);
      if (milestone.version !== dto.version) throw staleVersion(`milestone "${milestoneId}"`, dto.version, milestone.version);
      if (dto.doneOn && dto.doneOn > dayOf(this.clock.now()))
        throw invalidInput('a milestone cannot be done in the future', [{ field: 'doneOn', message: 'doneOn is after today' }]);
      const { version: _version, ...fields } = dto;
      await repository.updateMilestone({ ...milestone, ...definedFields(fields) });
      const touched = await repository.update({ ...partnership, updatedAt: this.clock.now().toISOString() });
      return this.partnerships.view(touched, repository);
    });
  }

  /** Logs what happened (never in the future); a dormant partnership comes back to implementing. */
  logActivity(id: string, dto: CreateActivityDto, principal?: Principal): Promise<PartnershipView> {
    const now = this.clock.now();
    if (dto.occurredOn > dayOf(now))
      throw invalidInput('an activity cannot be dated in the future', [{ field: 'occurredOn', message: 'occurredOn is after today' }]);
    return this.dataSource.transaction(async (manager) => {
      const repository = this.repository.within(manager);
      const partnership = await repository.byId(id, true);
      if (!partnership) throw partnershipNotFound(id);
      assertMayRead(principal, partnership);
      assertOpen(partnership, 'logging an activity');
      const actor = principal?.id ?? null;
      await repository.insertActivity(id, {
        id: randomUUID(),
        occurredOn: dto.occurredOn,
        kind: dto.kind,
        summary: dto.summary,
        participants: dto.participants ?? [],
        loggedAt: now.toISOString(),
        loggedBy: actor,
      });
      const lastActivityOn = [partnership.lastActivityOn, dto.occurredOn].filter(Boolean).sort().at(-1)!;
      let saved = await repository.update({ ...partnership, lastActivityOn, updatedAt: now.toISOString() });
      if (saved.stage === 'dormant')
        saved = await this.partnerships.move(
          manager,
          saved,
          { to: 'implementing', note: `revived by a ${dto.kind} on ${dto.occurredOn}` },
          actor,
        );
      return this.partnerships.view(saved, repository);
    });
  }
}
