// The members feature's public face: other features import only what is exported here.
export { MembersModule } from './members.module';
export { MembersService } from './members.service';
export { MemberProfilesReader, type VersionedProfile } from './member-profiles.reader';
export { PROFILE_COLUMNS, SCORED_FIELDS, SUGGESTIBLE_MEMBERS } from './scored-fields';
