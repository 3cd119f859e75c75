import { ForbiddenException } from '@nestjs/common';
import { type Principal, isCityOfficialOf, seesWholeNetwork } from '../auth';
import type { MemberView } from './member-view';
import type { UpdateMemberDto } from './dto/update-member.dto';

/** What any signed-in caller may read about any member: no contacts, partners, dismissals or status. */
export type PublicMemberProfile = Pick<
  MemberView,
  'id' | 'name' | 'country' | 'subregion' | 'population' | 'level' | 'languages' | 'needs' | 'offers'
>;

export function toPublicProfile(view: MemberView): PublicMemberProfile {
  const { id, name, country, subregion, population, level, languages, needs, offers } = view;
  return { id, name, country, subregion, population, level, languages, needs, offers };
}

/** The secretariat and a member's own officials see it in full; other officials see its public profile. */
export function memberAsSeenBy(principal: Principal | undefined, view: MemberView): MemberView | PublicMemberProfile {
  return seesWholeNetwork(principal) || isCityOfficialOf(principal, view.id) ? view : toPublicProfile(view);
}

/** Fields only the secretariat changes: whether a member takes part, and its signed agreements. */
const SECRETARIAT_FIELDS = ['status', 'partners'] as const;

export function assertMayChange(principal: Principal | undefined, dto: UpdateMemberDto): void {
  if (seesWholeNetwork(principal)) return;
  const forbidden = SECRETARIAT_FIELDS.filter((field) => dto[field] !== undefined);
  if (forbidden.length === 0) return;
  throw new ForbiddenException({
    message: `a city official may not change ${forbidden.join(' or ')}; ask the secretariat`,
    details: forbidden.map((field) => ({ field, message: `${field} is changed by the secretariat only` })),
  });
}
