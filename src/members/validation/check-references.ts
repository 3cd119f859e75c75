import { invalidInput } from '../../http/api-errors';
import type { Member } from '../member.entity';
import type { ThemeLevels } from '../member-record';
import type { MembersRepository } from '../members.repository';

/** Themes must be known and listed members must exist (and not be the member itself); 400 naming every bad field. */
export async function checkReferences(members: MembersRepository, member: Member, knownThemes: ReadonlySet<string>): Promise<void> {
  const details: Array<{ field: string; message: string }> = [];
  const checkThemes = (field: 'needs' | 'offers', levels: ThemeLevels) => {
    for (const slug of Object.keys(levels)) {
      if (!knownThemes.has(slug)) details.push({ field: `${field}.${slug}`, message: `unknown theme "${slug}" (see GET /api/v1/themes)` });
    }
  };
  checkThemes('needs', member.needs);
  checkThemes('offers', member.offers);

  const found = await members.existingIds([...new Set([...member.partners, ...member.dismissed])]);
  for (const field of ['partners', 'dismissed'] as const) {
    member[field].forEach((other, position) => {
      if (other === member.id) details.push({ field: `${field}[${position}]`, message: `a member cannot list itself in ${field}` });
      else if (!found.has(other)) details.push({ field: `${field}[${position}]`, message: `unknown member id "${other}"` });
    });
  }
  if (details.length > 0) throw invalidInput(details.map((detail) => detail.message).join('; '), details);
}
