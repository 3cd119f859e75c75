import { SetMetadata } from '@nestjs/common';
import type { Role } from '../roles';

/**
 * Who may call a route. `city_official` admits any city official; `own-member` admits only the
 * official of the member named by the route's `:id`, so one city never reaches another's data.
 */
export type Grant = Role | 'own-member';

export type AccessPolicy = { kind: 'public' } | { kind: 'grants'; grants: readonly Grant[] };

export const ACCESS_POLICY = 'citymatch:access-policy';

/** Open to anonymous callers. */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Open to callers holding one of these grants; everyone else gets 401 (no valid token) or 403. */
export const Allow = (...grants: [Grant, ...Grant[]]) => SetMetadata(ACCESS_POLICY, { kind: 'grants', grants } satisfies AccessPolicy);

/** The member a route acts on, for `own-member`. */
export const MEMBER_PATH_PARAM = 'id';
