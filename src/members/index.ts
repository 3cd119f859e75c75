// The members feature's public face: other features import only what is exported here.
export { MembersModule } from './members.module';
export { MembersService } from './members.service';
export { MemberProfilesReader, type VersionedProfile } from './member-profiles.reader';
export { PROFILE_COLUMNS, SCORED_FIELDS, SUGGESTIBLE_MEMBERS } from './scored-fields';
export { MembersImportService, type ImportSummary } from './import/members-import.service';
export { validateMemberRecords } from './import/validate-member-records';
export { DemoSeedService } from './seed/demo-seed.service';
export { seededRandom, type Random } from './seed/seeded-random';
export { MEMBERS_IMPORT_PATH } from './members.controller';
export { jsonBodyParser } from './import/import-body-parser';
export { Member } from './member.entity';
export type { MemberView } from './member-view';
export { MEMBER_ID } from './validation/member-validators';
