import { ForbiddenException } from '@nestjs/common';
import { type Principal, seesWholeNetwork } from '../auth/principal';
import { forbiddenMessage } from '../auth/refusals';
import { EARLY_STAGES, type Stage } from './partnership-stages';
import type { PartnershipRecord } from './partnership.types';

/**
 * Officials read and work on their own member's partnerships (activities, milestones) and may
 * decline one before an agreement; every other move is the secretariat's.
 */
export function isParty(principal: Principal | undefined, p: Pick<PartnershipRecord, 'memberA' | 'memberB'>): boolean {
  return principal?.role === 'city_official' && (principal.memberId === p.memberA || principal.memberId === p.memberB);
}

export function assertMayRead(principal: Principal | undefined, p: PartnershipRecord): void {
  if (seesWholeNetwork(principal) || isParty(principal, p)) return;
  throw new ForbiddenException({ message: forbiddenMessage(principal?.role ?? 'city_official') });
}

export function assertMayMove(principal: Principal | undefined, p: PartnershipRecord, to: Stage): void {
  if (seesWholeNetwork(principal)) return;
  assertMayRead(principal, p);
  if (to === 'declined' && EARLY_STAGES.includes(p.stage)) return;
  throw new ForbiddenException({ message: `a city official may only decline a partnership before its agreement; ask the secretariat` });
}
