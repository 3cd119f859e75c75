// The auth feature's public face for other features: decorators, the principal and the audit context.
// It stays free of tokens and sign-in, which import members and users (whose controllers import this file).
export { CurrentPrincipal, isCityOfficialOf, seesWholeNetwork, type Principal } from './principal';
export { Allow, Public } from './policies/access-policy';
export { auditContextStorage, noteAuditedEntityId } from './audit/audit-context';
export { Audited } from './audit/audited.decorator';
export { AuditTrailSubscriber } from './audit/audit-trail.subscriber';
export { completeAuditOnResponse } from './audit/audit-outcome.hook';
export { ApiToken } from './tokens/api-token.entity';
