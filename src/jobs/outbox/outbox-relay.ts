import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import type { JobName, JobPayloads } from '../job-names';
import { JobQueue } from '../job-queue';
import { OUTBOX_RECORDED } from './outbox';

interface OutboxRow {
  id: string;
  job_name: JobName;
  payload: JobPayloads[JobName];
  coalesce_key: string | null;
  delay_ms: number;
}

const POLL_INTERVAL_MS = 250;
const BATCH = 500;
/** A queue that does not accept a job in this long is treated as down: the row stays for the next poll. */
const ENQUEUE_TIMEOUT_MS = 3000;

/**
 * Moves recorded jobs from the outbox to the queue. A row is deleted only after the queue
 * accepted it, so a Redis outage delays work but loses none; several relays may run (each row is
 * claimed with SKIP LOCKED), and a job enqueued twice is harmless because handlers read current data.
 * A transaction of this process that recorded a job wakes the relay as it commits; the poll is the
 * safety net for everything else (other processes, a queue that was unreachable).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown, EntitySubscriberInterface {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  /** A wake-up arrived while a relay was running: run once more after it. */
  private again = false;
  private stopped = false;
  private failing = false;
  /** Outbox rows whose in-process job is queued or running (non-durable queue only). */
  private readonly inFlight = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.relay(), POLL_INTERVAL_MS);
    this.timer.unref();
    this.dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive || !runner.data?.[OUTBOX_RECORDED]) return;
    runner.data = { ...runner.data, [OUTBOX_RECORDED]: false };
    if (this.stopped) return;
    if (this.running) this.again = true;
    else void this.relay();
  }

  /** Before the database closes: a relay in flight finishes, and no new one starts. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    while (this.running) await this.running;
  }

  /** Relays everything pending now; returns how many jobs were enqueued. Safe to call at any time. */
  relay(): Promise<number> {
    this.running ??= this.relayPending().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.relay();
      }
    });
    return this.running;
  }

  private async relayPending(): Promise<number> {
    if (!this.queue.durable) return this.runPendingInProcess();
    let total = 0;
    try {
      for (;;) {
        const sent = await this.dataSource.transaction(async (manager) => {
          const rows: OutboxRow[] = await manager.query(
            `SELECT id, job_name, payload, coalesce_key, delay_ms FROM outbox
             ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          );
          for (const row of rows) {
            // A frozen Redis must not hold this transaction (and its rows' locks) open: give up, retry later.
            await withTimeout(
              this.queue.enqueue(row.job_name, row.payload, {
                coalesceKey: row.coalesce_key ?? undefined,
                delayMs: row.delay_ms || undefined,
              }),
              ENQUEUE_TIMEOUT_MS,
            );
          }
          if (rows.length > 0) await manager.query('DELETE FROM outbox WHERE id = ANY($1)', [rows.map((row) => row.id)]);
          return rows.length;
        });
        total += sent;
        if (sent < BATCH) break;
      }
      if (this.failing) this.logger.log('queue reachable again; pending jobs enqueued');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`cannot enqueue recorded jobs yet, will retry: ${(error as Error).message}`);
      this.failing = true;
    }
    return total;
  }

  /** One process, one relay: each row's job runs in this process, and the row goes once it has run. */
  private async runPendingInProcess(): Promise<number> {
    const rows: OutboxRow[] = await this.dataSource.query(
      'SELECT id, job_name, payload, coalesce_key, delay_ms FROM outbox ORDER BY id LIMIT $1',
      [BATCH],
    );
    const fresh = rows.filter((row) => !this.inFlight.has(String(row.id)));
    for (const row of fresh) {
      const id = String(row.id);
      this.inFlight.add(id);
      void this.queue
        .handOver(row.job_name, row.payload)
        .then((ran) => (ran ? this.dataSource.query('DELETE FROM outbox WHERE id = $1', [id]) : undefined))
        .catch((error: Error) => this.logger.error(`outbox row ${id}: ${error.message}`))
        .finally(() => this.inFlight.delete(id));
    }
    return fresh.length;
  }

  async pendingCount(): Promise<number> {
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM outbox');
    return count;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the queue gave no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
