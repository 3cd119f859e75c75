export const USER_ROLES = ['secretariat', 'city_official'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_STATUSES = ['active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** A user's row, as the repository reads it (with its member's place, for the time zone). */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  memberId: string | null;
  memberName: string | null;
  memberContact: boolean;
  digestEnabled: boolean;
  digestWeekday: number;
  digestHour: number;
  /** The user's own choice; null follows the member's. */
  timeZoneOverride: string | null;
  /** The zone digests and dates use: the override, else the member's, else UTC. */
  timeZone: string;
  status: UserStatus;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** A user as the API shows it. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  memberId: string | null;
  memberName: string | null;
  memberContact: boolean;
  digest: { enabled: boolean; weekday: number; hour: number };
  timeZone: string;
  timeZoneOverride: string | null;
  status: UserStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    memberId: row.memberId,
    memberName: row.memberName,
    memberContact: row.memberContact,
    digest: { enabled: row.digestEnabled, weekday: row.digestWeekday, hour: row.digestHour },
    timeZone: row.timeZone,
    timeZoneOverride: row.timeZoneOverride,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
