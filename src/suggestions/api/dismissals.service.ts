import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundException } from '@nestjs/common';
import { invalidInput, memberNotFound } from '../../http/api-errors';
import { recordMemberChange } from '../../jobs/outbox/outbox';
import { Member } from '../../members/member.entity';
import { toMemberView } from '../../members/member-view';

/** "Not interested": the candidate leaves the member's suggestions until the dismissal is undone. */
@Injectable()
export class DismissalsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async dismiss(memberId: string, candidateId: string, reason?: string) {
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.findOne(Member, { where: { id: memberId }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw memberNotFound(memberId);
      if (candidateId === memberId)
        throw invalidInput('a member cannot dismiss itself', [{ field: 'candidateId', message: 'a member cannot dismiss itself' }]);
      if (!(await manager.existsBy(Member, { id: candidateId }))) {
        throw invalidInput(`unknown member id "${candidateId}"`, [{ field: 'candidateId', message: `unknown member id "${candidateId}"` }]);
      }
      await manager.query(
        `INSERT INTO dismissal_notes (member_id, candidate_id, reason) VALUES ($1, $2, $3)
         ON CONFLICT (member_id, candidate_id) DO UPDATE SET reason = EXCLUDED.reason`,
        [memberId, candidateId, reason ?? null],
      );
      if (member.dismissed.includes(candidateId)) return toMemberView(member);
      member.dismissed = [...member.dismissed, candidateId];
      const saved = await manager.save(member);
      await recordMemberChange(manager, memberId);
      return toMemberView(saved);
    });
  }

  async undo(memberId: string, candidateId: string) {
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.findOne(Member, { where: { id: memberId }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw memberNotFound(memberId);
      if (!member.dismissed.includes(candidateId)) {
        throw new NotFoundException({ message: `member "${memberId}" has not dismissed "${candidateId}"` });
      }
      await manager.query('DELETE FROM dismissal_notes WHERE member_id = $1 AND candidate_id = $2', [memberId, candidateId]);
      member.dismissed = member.dismissed.filter((id) => id !== candidateId);
      const saved = await manager.save(member);
      await recordMemberChange(manager, memberId);
      return toMemberView(saved);
    });
  }
}
