import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { hostname, userInfo } from 'node:os';
import { basename } from 'node:path';
import type { DataSource } from 'typeorm';
import { type AuditContext, auditContextStorage } from '../auth/audit/audit-context';
import type { AuditEntry } from '../auth/audit/audit-entry';
import { AuditLogService } from '../auth/audit/audit-log.service';

/**
 * A command's writes as the audit log keeps them: role `cli`, the operating-system user and host in
 * place of a client address, method `CLI` and the command line as the route.
 */
export function cliAuditEntry(entity: string, argv: readonly string[] = process.argv): AuditEntry {
  const command = [basename(argv[1] ?? 'citymatch', '.js').replace(/\.ts$/, ''), ...argv.slice(2)].join(' ');
  return {
    tokenId: null,
    role: 'cli',
    clientAddress: `${userInfo().username}@${hostname()}`,
    method: 'CLI',
    route: command,
    entity,
    entityId: null,
  };
}

/**
 * Runs a command with its audit entry at hand, as an API write runs: the row is written in the
 * transaction of the command's write, and completed with the outcome (exit code 0 → succeeded,
 * another → rejected, an exception → failed) when the command ends, also when it wrote nothing.
 */
export async function runAudited(app: INestApplicationContext, entity: string, command: () => Promise<number>): Promise<number> {
  const context: AuditContext = { entry: cliAuditEntry(entity) };
  const auditLog = new AuditLogService(app.get<DataSource>(getDataSourceToken()));
  let statusCode = 500;
  try {
    const exitCode = await auditContextStorage.run(context, command);
    statusCode = exitCode === 0 ? 200 : 400;
    return exitCode;
  } finally {
    await auditLog.settle(context.entry, context.recordedId, statusCode);
  }
}
