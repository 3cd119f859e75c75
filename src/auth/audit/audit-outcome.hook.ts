import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AUDITED_METHODS, auditEntryFor } from './audit-entry';
import { AuditLogService } from './audit-log.service';
import type { AuditedRequest } from './audit.interceptor';

/** Every API write ends in the audit log with its status, also when a guard or validation refused it. */
export function completeAuditOnResponse(app: NestFastifyApplication, apiPrefix: string): void {
  const auditLog = app.get(AuditLogService);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request, reply) => {
      const audited = request as AuditedRequest;
      if (!AUDITED_METHODS.has(request.method) || !request.routeOptions.url?.startsWith(apiPrefix)) return;
      const context = audited.auditContext;
      await auditLog.settle(context?.entry ?? auditEntryFor(audited), context?.recordedId, reply.statusCode);
    });
}
