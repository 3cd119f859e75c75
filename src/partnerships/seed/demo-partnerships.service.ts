import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../clock';
import { MembersService } from '../../members';
import { OPEN_STAGES, PARTNER_STAGES } from '../partnership-stages';
import type { PartnershipRecord } from '../partnership.types';
import { PartnershipsRepository } from '../partnerships.repository';
import { PartnershipsService } from '../partnerships.service';
import { type DemoPartnership, demoPartnerships } from './demo-partnerships';
import { DemoPartnershipsRepository } from './demo-partnerships.repository';

export interface DemoPartnershipsSummary {
  created: number;
  /** Made by an earlier seed: left as they are, whatever happened to them since. */
  present: number;
  /** Their pair has an open partnership of someone's making. */
  skipped: number;
}

/** Noon UTC of a day, for the history rows of a story told in days. */
const at = (day: string) => `${day}T12:00:00.000Z`;

/**
 * Synthetic partnerships among the demo members, so that a first start shows a living board. It only adds:
 * a demo partnership that exists (by its fixed id) is never touched, and a pair someone opened is left alone.
 */
@Injectable()
export class DemoPartnershipsService {
  private readonly logger = new Logger(DemoPartnershipsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly demo: DemoPartnershipsRepository,
    private readonly repository: PartnershipsRepository,
    private readonly partnerships: PartnershipsService,
    private readonly members: MembersService,
    private readonly clock: Clock,
  ) {}

  /** On a start with demo data: seeds once, when no demo partnership exists yet. */
  async seedIfNone(): Promise<boolean> {
    if (await this.demo.anyDemoPartnership()) return false;
    await this.seed();
    return true;
  }

  async seed(): Promise<DemoPartnershipsSummary> {
    const plans = demoPartnerships(await this.demo.demoMembers(), this.clock.now());
    const present = await this.demo.present(plans.map((plan) => plan.id));
    const summary: DemoPartnershipsSummary = { created: 0, present: present.size, skipped: 0 };
    for (const plan of plans.filter((p) => !present.has(p.id))) {
      if (await this.create(plan)) summary.created += 1;
      else summary.skipped += 1;
    }
    this.logger.log(`Demo partnerships: ${summary.created} created, ${summary.present} present, ${summary.skipped} skipped`);
    return summary;
  }

  private async create(plan: DemoPartnership): Promise<boolean> {
    const { score } = await this.partnerships.preparePair(plan.memberA, plan.memberB);
    return this.dataSource.transaction(async (manager) => {
      const repository = this.repository.within(manager);
      if (OPEN_STAGES.includes(plan.stage) && (await repository.openForPair(plan.memberA, plan.memberB))) return false;
      const last = plan.steps[plan.steps.length - 1];
      const record: PartnershipRecord = {
        id: plan.id,
        memberA: plan.memberA,
        memberB: plan.memberB,
        kind: plan.kind,
        themes: plan.themes,
        stage: plan.stage,
        origin: plan.origin,
        score: score.score,
        explanation: score.explanation,
        owner: plan.owner,
        nextStep: plan.nextStep,
        nextStepDue: plan.nextStepDue,
        agreement: plan.agreement,
        declineReason: plan.declineReason,
        endReason: plan.endReason,
        endedOn: plan.endedOn,
        synthetic: true,
        openedAt: at(plan.steps[0].on),
        stageChangedAt: at(last.on),
        lastActivityOn: plan.activities.at(-1)?.occurredOn ?? null,
        updatedAt: at(last.on),
        version: 1,
      };
      await repository.insert(record);
      // The closing reasons are not part of an opening: written as the move that closed it would.
      if (record.declineReason || record.endReason) await repository.update(record);
      for (const step of plan.steps) await repository.addStageChange(plan.id, { ...step, at: at(step.on), by: null });
      for (const milestone of plan.milestones) await repository.insertMilestone(plan.id, { ...milestone, version: 1 });
      for (const activity of plan.activities)
        await repository.insertActivity(plan.id, { ...activity, loggedAt: at(activity.occurredOn), loggedBy: null });
      if (PARTNER_STAGES.includes(plan.stage)) await this.members.addPartners(plan.memberA, plan.memberB, manager);
      return true;
    });
  }
}
