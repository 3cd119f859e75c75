import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../principal';
import { type AuditContext, auditContextStorage } from './audit-context';
import { AUDITED_METHODS, auditEntryFor } from './audit-entry';

export type AuditedRequest = FastifyRequest & AuthenticatedRequest & { auditContext?: AuditContext };

/** Runs each write's handler with its audit entry at hand, for the transaction that commits it. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    if (!AUDITED_METHODS.has(request.method)) return next.handle();
    const auditContext: AuditContext = { entry: auditEntryFor(request) };
    request.auditContext = auditContext;
    return new Observable((subscriber) =>
      auditContextStorage.run(auditContext, () => {
        const subscription = next.handle().subscribe(subscriber);
        return () => subscription.unsubscribe();
      }),
    );
  }
}
