export { UsersModule } from './users.module';
export { UsersService } from './users.service';
export { MemberContactsService, type MemberContactInput } from './member-contacts.service';
export { DemoUsersService, DEMO_SECRETARIAT } from './seed/demo-users.service';
export type { UserRow, UserView, UserRole } from './user-view';
export { memberTimeZone, isTimeZone, FALLBACK_TIME_ZONE } from './time-zones';
