import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { getPGliteInstance } from 'typeorm-pglite';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config';

/** The channel the database triggers notify on (see the NotifyReadersOfChanges migration). */
const CHANNEL = 'citymatch_changes';
const RECONNECT_MS = 1000;

/** `*` means "anything may have changed": sent when listening starts, stops, or resumes after a gap. */
export type ChangeListener = (payload: string) => void;

/**
 * What changed in the database, as the triggers announce it on commit, for the caches of this
 * process. While it is not listening (not started yet, or its connection is down) `listening` is
 * false and callers must not trust anything they keep in memory.
 */
@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly listeners = new Set<ChangeListener>();
  private client?: Client;
  private retry?: NodeJS.Timeout;
  private stopped = false;
  private stopEmbedded?: () => void;
  listening = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  subscribe(listener: ChangeListener): void {
    this.listeners.add(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.database.kind === 'postgres') return this.connect(this.config.database.url);
    // Embedded: one PGlite in this process; LISTEN goes through the serialised connection like any query.
    const db = await getPGliteInstance();
    this.stopEmbedded = db.onNotification((channel, payload) => channel === CHANNEL && this.emit(payload));
    await this.dataSource.query(`LISTEN ${CHANNEL}`);
    this.setListening(true);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.stopEmbedded?.();
    this.listening = false;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(url: string): Promise<void> {
    const client = new Client({ connectionString: url });
    this.client = client;
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.setListening(false);
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`change feed lost${error ? `: ${error.message}` : ''}; caches bypassed until it is back`);
      this.retry = setTimeout(() => void this.connect(url), RECONNECT_MS);
      this.retry.unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => message.channel === CHANNEL && this.emit(message.payload ?? '*'));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.client === client) this.setListening(true);
    } catch (error) {
      lost(error as Error);
    }
  }

  private setListening(listening: boolean): void {
    this.listening = listening;
    this.emit('*');
  }

  private emit(payload: string): void {
    for (const listener of this.listeners) listener(payload);
  }
}
