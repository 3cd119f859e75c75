import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock';
import { NotificationsService } from '../notifications';
import type { CreateInterestDto } from './dto/interest.dto';
import { type Interest, InterestsRepository } from './interests.repository';
import { PartnershipsRepository } from './partnerships.repository';
import { PartnershipsService } from './partnerships.service';
import { mutualInterestNotices } from './stage-notices';

export interface InterestOutcome {
  interest: Interest;
  /** Set once both sides are interested: the pair's open partnership (opened now or before). */
  partnershipId: string | null;
}

/**
 * Double opt-in: a member learns of another's interest only once it is interested too. The second
 * interest of a pair opens a partnership at its first stage, in the same transaction.
 */
@Injectable()
export class InterestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly interests: InterestsRepository,
    private readonly partnerships: PartnershipsService,
    private readonly partnershipRows: PartnershipsRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async express(memberId: string, dto: CreateInterestDto, principal?: Principal): Promise<InterestOutcome> {
    const prepared = await this.partnerships.preparePair(memberId, dto.candidateId, ['id', 'candidateId']);
    return this.dataSource.transaction(async (manager) => {
      await this.interests.lockPair(manager, ...prepared.pair);
      await this.interests.upsert(manager, memberId, dto.candidateId, dto.themes ?? [], dto.message ?? null, this.clock.now());
      const interest = (await this.interests.get(manager, memberId, dto.candidateId))!;
      if (!interest.mutual) return { interest, partnershipId: null };
      const open = await this.partnershipRows.within(manager).openForPair(...prepared.pair);
      if (open) return { interest, partnershipId: open.id };
      const theirs = await this.interests.get(manager, dto.candidateId, memberId);
      const themes = [...new Set([...(dto.themes ?? []), ...(theirs?.themes ?? [])])];
      const opened = await this.partnerships.openWithin(
        manager,
        prepared,
        { themes },
        { origin: 'mutual-interest', actor: principal?.id ?? null },
      );
      await this.notifications.notify(manager, mutualInterestNotices(opened));
      return { interest, partnershipId: opened.id };
    });
  }

  async withdraw(memberId: string, candidateId: string): Promise<{ withdrawn: true }> {
    if (!(await this.interests.delete(memberId, candidateId)))
      throw new NotFoundException({
        message: `member "${memberId}" has no interest in "${candidateId}"`,
        details: [{ field: 'candidateId', message: `no interest in "${candidateId}" to withdraw` }],
      });
    return { withdrawn: true };
  }

  /** What the member sent, and which of those are mutual (with the pair's open partnership). */
  async forMember(memberId: string): Promise<{ sent: Interest[]; mutual: Interest[] }> {
    const sent = await this.interests.sentBy(memberId);
    return { sent, mutual: sent.filter((interest) => interest.mutual) };
  }

  /** Every pair with interest marked, keyed "a|b" with a < b: 2 when it is mutual, else 1. */
  sidesByPair(): Promise<Map<string, 1 | 2>> {
    return this.interests.sidesByPair();
  }

  all(filter: { memberId?: string; mutual?: boolean; limit: number; offset: number }): Promise<Interest[]> {
    return this.interests.all(filter);
  }
}
