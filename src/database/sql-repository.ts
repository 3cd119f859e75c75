import type { EntityManager } from 'typeorm';

/**
 * A repository owns the SQL of its tables. It queries through the data source's manager unless
 * `within(manager)` hands it a transaction's, so that a service can write several tables in one
 * transaction while each repository keeps its own queries.
 */
export abstract class SqlRepository {
  constructor(protected readonly manager: EntityManager) {}

  /** The same repository, querying inside the transaction of `manager`. */
  within(manager: EntityManager): this {
    return Object.assign(Object.create(Object.getPrototypeOf(this) as object) as this, this, { manager });
  }
}

/** TypeORM answers an UPDATE or DELETE … RETURNING with [rows, affected]; an INSERT or SELECT with rows. */
export function returnedRows<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
