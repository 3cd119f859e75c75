import { type MatchProfile, StoredComponentsWriter } from '@citymatch/matching';
import type { ComponentsOf } from '../storage/list-encoding';

/** The stored components of suggestions among these members, from their profiles. */
export function componentsFrom(profileOf: (id: string) => MatchProfile | undefined): ComponentsOf {
  const writer = new StoredComponentsWriter();
  return (memberId, candidateId, out, offset) => {
    const member = profileOf(memberId);
    const candidate = profileOf(candidateId);
    if (!member || !candidate) throw new Error(`no profile for ${member ? candidateId : memberId} to store components`);
    writer.write(member, candidate, out, offset);
  };
}
