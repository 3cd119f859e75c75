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
    .addHook('onResponse', (request, reply, done) => {
      const audited = request as AuditedRequest;
      if (AUDITED_METHODS.has(request.method) && request.routeOptions.url?.startsWith(apiPrefix)) {
        const context = audited.auditContext;
        // The answer has gone out; the row is completed in the background (shutdown waits for it).
        void auditLog.settle(context?.entry ?? auditEntryFor(audited), context?.recordedId, reply.statusCode);
      }
      done();
    });
}
