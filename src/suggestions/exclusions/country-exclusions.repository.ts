import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqlRepository } from '../../database/sql-repository';

/** One excluded pair, its countries in alphabetical order. */
export interface CountryExclusion {
  countries: [string, string];
  createdAt: string;
}

/** The country pairs the secretariat excluded from matching. */
@Injectable()
export class CountryExclusionsRepository extends SqlRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource.manager);
  }

  async all(): Promise<CountryExclusion[]> {
    const rows: Array<{ a: string; b: string; created_at: Date }> = await this.manager.query(
      'SELECT country_a AS a, country_b AS b, created_at FROM country_pair_exclusions ORDER BY country_a, country_b',
    );
    return rows.map((row) => ({ countries: [row.a, row.b], createdAt: new Date(row.created_at).toISOString() }));
  }

  /** False when the pair was already excluded. */
  async add(a: string, b: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      'INSERT INTO country_pair_exclusions (country_a, country_b) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING country_a',
      [a, b],
    );
    return rows.length > 0;
  }

  /** False when the pair was not excluded. */
  async remove(a: string, b: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.manager.query(
      'DELETE FROM country_pair_exclusions WHERE country_a = $1 AND country_b = $2',
      [a, b],
    );
    return affected > 0;
  }
}
