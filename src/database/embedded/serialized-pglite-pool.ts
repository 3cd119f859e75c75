import { EventEmitter } from 'node:events';
import type { PGlite, Results } from '@electric-sql/pglite';
import { getPGliteInstance } from 'typeorm-pglite';
import { PGliteInstance } from 'typeorm-pglite/dist/pglite-instance';
import { ConnectionLock } from './connection-lock';

type Callback = (error: Error | null, result?: unknown) => void;

/** What node-postgres returns and TypeORM reads: rows, rowCount and the command tag. */
function toPgResult(sql: string, result: Results) {
  const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
  return { ...result, rowCount: result.affectedRows ?? result.rows.length, command };
}

async function runQuery(db: PGlite, sql: string, params?: unknown[]) {
  if (params && params.length > 0) return toPgResult(sql, await db.query(sql, params));
  // exec runs multi-statement scripts (migrations); TypeORM expects the last statement's result.
  const results = await db.exec(sql);
  return toPgResult(sql, results[results.length - 1] ?? { rows: [], fields: [] });
}

/** The client handed to one TypeORM query runner while it holds the lock. */
class LockedClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  query(sql: string, params?: unknown[] | Callback, callback?: Callback) {
    const [values, done] = typeof params === 'function' ? [undefined, params] : [params, callback];
    const pending = runQuery(this.db, sql, values);
    if (done)
      pending.then(
        (result) => done(null, result),
        (error: Error) => done(error),
      );
    return pending;
  }
}

/**
 * A node-postgres-shaped pool over typeorm-pglite's single PGlite instance that gives the
 * connection to one holder at a time. typeorm-pglite's own pool hands it to every query runner
 * at once, so concurrent transactions would interleave and commit or roll back each other's work.
 */
export class SerializedPGlitePool extends EventEmitter {
  private readonly lock = new ConnectionLock((waitedMs) =>
    this.emit(
      'error',
      new Error(
        `embedded database: a query has waited ${waitedMs} ms for the connection; ` +
          'a query issued outside the open transaction (not through its EntityManager) can never get it',
      ),
    ),
  );

  connect(callback: (error: Error | null, client?: LockedClient, release?: (error?: unknown) => void) => void) {
    Promise.all([getPGliteInstance(), this.lock.acquire()]).then(
      ([db, release]) => callback(null, new LockedClient(db), () => release()),
      (error: Error) => callback(error),
    );
  }

  async query(sql: string, params?: unknown[]) {
    const [db, release] = await Promise.all([getPGliteInstance(), this.lock.acquire()]);
    try {
      return await runQuery(db, sql, params);
    } finally {
      release();
    }
  }

  end(callback?: (error?: Error | null) => void) {
    // Closing through typeorm-pglite also forgets the instance, so a later data source opens a fresh one.
    PGliteInstance.close().then(
      () => callback?.(null),
      (error: Error) => callback?.(error),
    );
  }
}
