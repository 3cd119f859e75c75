import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { embeddedPostgresDriver } from './embedded/embedded-driver';
import { AuditTrailSubscriber } from '../auth';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** One set of options for both stacks: the embedded one only swaps the driver under TypeORM's postgres type. */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Writes made for an API request carry their audit row in the same transaction.
    subscribers: [AuditTrailSubscriber],
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: ['error' as const],
  };
  if (database.kind === 'postgres') {
    return { ...common, url: database.url, poolSize: 10, connectTimeoutMS: 5000 };
  }
  return { ...common, driver: embeddedPostgresDriver(database.dataDir, database.startFrom) };
}
