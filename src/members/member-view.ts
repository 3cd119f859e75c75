import type { Member } from './member.entity';
import type { MemberRecord } from './member-record';

/** A member as the API returns it: the record format plus what CityMatch derives and tracks. */
export interface MemberView extends MemberRecord {
  subregion: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toMemberRecord(member: Member): MemberRecord {
  return {
    id: member.id,
    name: member.name,
    country: member.country,
    population: member.population,
    lat: member.lat,
    lon: member.lon,
    languages: member.languages,
    level: member.level,
    status: member.status,
    needs: member.needs,
    offers: member.offers,
    partners: member.partners,
    dismissed: member.dismissed,
    contact: { name: member.contactName, email: member.contactEmail },
    openToPartnerships: member.openToPartnerships,
    capacity: member.capacity,
    synthetic: member.synthetic,
  };
}

export function toMemberView(member: Member): MemberView {
  return {
    ...toMemberRecord(member),
    subregion: member.subregion,
    createdAt: member.createdAt.toISOString(),
    updatedAt: member.updatedAt.toISOString(),
    version: member.version,
  };
}
