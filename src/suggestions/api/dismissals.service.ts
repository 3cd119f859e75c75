import { Injectable } from '@nestjs/common';
import { MembersService } from '../../members';

/** "Not interested": the candidate leaves the member's suggestions until the dismissal is undone. */
@Injectable()
export class DismissalsService {
  constructor(private readonly members: MembersService) {}

  dismiss(memberId: string, candidateId: string, reason?: string) {
    return this.members.dismiss(memberId, candidateId, reason);
  }

  undo(memberId: string, candidateId: string) {
    return this.members.undoDismissal(memberId, candidateId);
  }
}
