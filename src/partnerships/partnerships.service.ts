import { randomUUID } from 'node:crypto';
import { explainMatch, matchScore } from '@citymatch/matching';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock';
import { invalidInput } from '../http/api-errors';
import { MembersService, type MemberView } from '../members';
import { NotificationsService } from '../notifications';
import { MatchingSettingsService } from '../suggestions';
import type { OpenPartnershipDto, TransitionDto, UpdatePartnershipDto } from './dto/partnership.dto';
import { assertMayMove, assertMayRead } from './partnership-access';
import { illegalMove, isUniqueViolation, pairAlreadyOpen, partnershipNotFound, staleVersion } from './partnership-errors';
import { isAllowed, NEEDS_REASON, PARTNER_STAGES, type Stage } from './partnership-stages';
import { dayOf, definedFields, orderedPair, type PartnershipView, toPartnershipView } from './partnership-view';
import type { Actor, Origin, PartnershipRecord } from './partnership.types';
import { PartnershipsRepository } from './partnerships.repository';
import { stageChangeNotices } from './stage-notices';

export interface OpenOptions {
  origin: Origin;
  actor: Actor;
  /** Imported and demo partnerships start further along. */
  stage?: Stage;
  synthetic?: boolean;
  openedAt?: Date;
}

/** The one writer of partnerships: opening, moving between stages, and the details the secretariat keeps. */
@Injectable()
export class PartnershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PartnershipsRepository,
    private readonly members: MembersService,
    private readonly notifications: NotificationsService,
    private readonly settings: MatchingSettingsService,
    private readonly clock: Clock,
  ) {}

  async get(id: string, principal?: Principal): Promise<PartnershipView> {
    const record = await this.repository.byId(id);
    if (!record) throw partnershipNotFound(id);
    assertMayRead(principal, record);
    return this.view(record, this.repository);
  }

  /** Each pair's partnership (its open one, else its latest), keyed "a|b" in either order given; pairs without one are absent. */
  async currentOfPairs(pairs: Array<[string, string]>): Promise<Map<string, { id: string; stage: Stage }>> {
    const found = await this.repository.currentOfPairs(pairs.map(([x, y]) => orderedPair(x, y)));
    return new Map(
      pairs.flatMap(([x, y]) => {
        const partnership = found.get(orderedPair(x, y).join('|'));
        return partnership ? [[`${x}|${y}`, partnership] as const] : [];
      }),
    );
  }

  /** Every pair's partnership (its open one, else its latest), keyed "a|b" with a < b; pairs without one are absent. */
  currentOfEveryPair(): Promise<Map<string, { id: string; stage: Stage }>> {
    return this.repository.currentOfEveryPair();
  }

  /** Checks both members (404 for an unknown one, 400 for the same one twice) and scores the pair as the suggestions would. */
  async preparePair(x: string, y: string, fields: [string, string] = ['memberA', 'memberB']) {
    if (x === y)
      throw invalidInput('a partnership needs two distinct members', [
        { field: fields[1], message: `${fields[1]} is the same member as ${fields[0]}` },
      ]);
    const [a, b] = await Promise.all([this.members.get(x), this.members.get(y)]);
    return { pair: orderedPair(x, y), score: await this.score(a, b) };
  }

  /** Opens a partnership for a pair with no open one (409 pointing to it otherwise). */
  async open(dto: OpenPartnershipDto, options: OpenOptions): Promise<PartnershipView> {
    const prepared = await this.preparePair(dto.memberA, dto.memberB);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const record = await this.openWithin(manager, prepared, dto, options);
        return this.view(record, this.repository.within(manager));
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.repository.openForPair(...prepared.pair);
      throw existing ? pairAlreadyOpen(existing.id) : error;
    }
  }

  /** Inside the caller's transaction (mutual interest opens one in the transaction that made it mutual). */
  async openWithin(
    manager: EntityManager,
    prepared: Awaited<ReturnType<PartnershipsService['preparePair']>>,
    dto: Partial<OpenPartnershipDto>,
    options: OpenOptions,
  ): Promise<PartnershipRecord> {
    const repository = this.repository.within(manager);
    const [memberA, memberB] = prepared.pair;
    const existing = await repository.openForPair(memberA, memberB);
    if (existing) throw pairAlreadyOpen(existing.id);
    const at = (options.openedAt ?? this.clock.now()).toISOString();
    const stage = options.stage ?? 'interest';
    const record: PartnershipRecord = {
      id: randomUUID(),
      memberA,
      memberB,
      kind: dto.kind ?? 'twinning',
      themes: dto.themes ?? [],
      stage,
      origin: options.origin,
      score: prepared.score.score,
      explanation: prepared.score.explanation,
      owner: dto.owner ?? null,
      nextStep: dto.nextStep ?? null,
      nextStepDue: dto.nextStepDue ?? null,
      agreement: null,
      declineReason: null,
      endReason: null,
      endedOn: null,
      synthetic: options.synthetic ?? false,
      openedAt: at,
      stageChangedAt: at,
      lastActivityOn: null,
      updatedAt: at,
      version: 1,
    };
    await repository.insert(record);
    await repository.addStageChange(record.id, {
      from: null,
      to: stage,
      at,
      by: options.actor,
      note: `opened (${options.origin})`,
      reason: null,
    });
    // A pair whose earlier partnership ended becomes suggestible again once the secretariat reopens it.
    if (await repository.hasEnded(memberA, memberB)) await this.members.eligibilityChanged([memberA, memberB], manager);
    // Imported pairs are partners already as the records listed them; others are linked here.
    if (PARTNER_STAGES.includes(stage) && options.origin !== 'imported') await this.members.addPartners(memberA, memberB, manager);
    return record;
  }

  /** Moves a partnership along the transition table; a stale version or an illegal move is a 409 and changes nothing. */
  async transition(id: string, dto: TransitionDto, principal?: Principal): Promise<PartnershipView> {
    return this.dataSource.transaction(async (manager) => {
      const repository = this.repository.within(manager);
      const current = await repository.byId(id, true);
      if (!current) throw partnershipNotFound(id);
      assertMayMove(principal, current, dto.to);
      if (current.version !== dto.version) throw staleVersion(`partnership "${id}"`, dto.version, current.version);
      if (!isAllowed(current.stage, dto.to)) throw illegalMove(current.stage, dto.to);
      this.checkMoveInput(dto);
      const moved = await this.move(manager, current, dto, principal?.id ?? null);
      return this.view(moved, repository);
    });
  }

  /** Records a move already checked against the table, with its history row, partner links and notifications. */
  async move(
    manager: EntityManager,
    current: PartnershipRecord,
    dto: Pick<TransitionDto, 'to' | 'note' | 'reason' | 'endedOn' | 'agreement'>,
    actor: Actor,
  ): Promise<PartnershipRecord> {
    const now = this.clock.now();
    const at = now.toISOString();
    const next: PartnershipRecord = { ...current, stage: dto.to, stageChangedAt: at, updatedAt: at };
    if (dto.to === 'declined') next.declineReason = dto.reason ?? null;
    if (dto.to === 'ended') {
      next.endReason = dto.reason ?? null;
      next.endedOn = dto.endedOn ?? dayOf(now);
    }
    if (dto.to === 'agreement' && dto.agreement) {
      const { signedOn, termEndsOn, signatories, reference, documentUrl } = dto.agreement;
      next.agreement = {
        signedOn,
        termEndsOn: termEndsOn ?? null,
        signatories,
        reference: reference ?? null,
        documentUrl: documentUrl ?? null,
      };
    }
    const repository = this.repository.within(manager);
    const saved = await repository.update(next);
    await repository.addStageChange(current.id, {
      from: current.stage,
      to: dto.to,
      at,
      by: actor,
      note: dto.note ?? null,
      reason: dto.reason ?? null,
    });
    // The members module writes member data: an agreement makes the pair partners, an end undoes it.
    if (dto.to === 'agreement') await this.members.addPartners(current.memberA, current.memberB, manager);
    if (dto.to === 'ended') await this.members.removePartners(current.memberA, current.memberB, manager);
    await this.notifications.notify(manager, stageChangeNotices(saved, current.stage));
    return saved;
  }

  async update(id: string, dto: UpdatePartnershipDto): Promise<PartnershipView> {
    return this.dataSource.transaction(async (manager) => {
      const repository = this.repository.within(manager);
      const current = await repository.byId(id, true);
      if (!current) throw partnershipNotFound(id);
      if (current.version !== dto.version) throw staleVersion(`partnership "${id}"`, dto.version, current.version);
      const { version: _version, ...fields } = dto;
      const saved = await repository.update({ ...current, ...definedFields(fields), updatedAt: this.clock.now().toISOString() });
      return this.view(saved, repository);
    });
  }

  private checkMoveInput(dto: TransitionDto): void {
    const today = dayOf(this.clock.now());
    if (NEEDS_REASON.includes(dto.to) && !dto.reason)
      throw invalidInput(`reason is required to move to ${dto.to}`, [
        { field: 'reason', message: `reason is required when to is ${dto.to}` },
      ]);
    if (dto.to === 'agreement' && !dto.agreement)
      throw invalidInput('agreement is required to move to agreement', [
        { field: 'agreement', message: 'agreement is required when to is agreement' },
      ]);
    if (dto.agreement && dto.agreement.signedOn > today)
      throw invalidInput('the agreement cannot be signed in the future', [
        { field: 'agreement.signedOn', message: 'agreement.signedOn is after today' },
      ]);
    if (dto.endedOn && dto.endedOn > today)
      throw invalidInput('a partnership cannot end in the future', [{ field: 'endedOn', message: 'endedOn is after today' }]);
  }

  private async score(a: MemberView, b: MemberView): Promise<{ score: number; explanation: unknown }> {
    const weights = await this.settings.weights();
    return { score: matchScore(a, b, weights), explanation: explainMatch(a, b, weights) };
  }

  async view(record: PartnershipRecord, repository: PartnershipsRepository): Promise<PartnershipView> {
    const [milestones, activities, history] = [
      await repository.milestones(record.id),
      await repository.activities(record.id),
      await repository.history(record.id),
    ];
    return toPartnershipView(record, { milestones, activities, history });
  }
}
