import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The demo secretariat: three people at the association's office. */
export const DEMO_SECRETARIAT = [
  { email: 'secretariat.director@example.org', name: 'Secretariat Director' },
  { email: 'secretariat.partnerships@example.org', name: 'Partnerships Officer' },
  { email: 'secretariat.programmes@example.org', name: 'Programmes Officer' },
] as const;

const SECRETARIAT_TIME_ZONE = 'Asia/Jakarta';

/**
 * Demo people for the demo members: one or two synthetic officials per member (about half get a
 * second one, decided by the member id so every run gives the same set) at example.org, a domain
 * reserved for examples, so no real person is ever written to.
 */
@Injectable()
export class DemoUsersService {
  private readonly logger = new Logger(DemoUsersService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async seedIfEmpty(): Promise<boolean> {
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM users');
    if (count > 0) return false;
    await this.seed();
    return true;
  }

  /** Adds the demo people that are missing; users of one's own are left alone. */
  async seed(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const secretariat = await manager.query(
        `INSERT INTO users (id, email, name, role, time_zone, synthetic)
         SELECT gen_random_uuid(), email, name, 'secretariat', $2, true FROM jsonb_to_recordset($1::jsonb) AS x(email text, name text)
         ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
        [JSON.stringify(DEMO_SECRETARIAT), SECRETARIAT_TIME_ZONE],
      );
      const officials = await manager.query(
        `INSERT INTO users (id, email, name, role, member_id, synthetic)
         SELECT gen_random_uuid(),
                'official' || n || '.' || trim(both '-' from regexp_replace(lower(m.id), '[^a-z0-9]+', '-', 'g')) || '@example.org',
                (CASE n WHEN 1 THEN 'International Relations Officer' ELSE 'Planning Officer' END) || ', ' || m.name,
                'city_official', m.id, true
         FROM members m CROSS JOIN generate_series(1, 2) AS n
         WHERE m.synthetic AND (n = 1 OR abs(hashtext(m.id)) % 2 = 0)
         ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
      );
      const added = secretariat.length + officials.length;
      this.logger.log(`Demo people: ${secretariat.length} secretariat users and ${officials.length} officials added`);
      return added;
    });
  }

  /** The first demo official (by member name), for the sign-in link printed on the first start. */
  async firstDemoOfficial(): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT u.email FROM users u JOIN members m ON m.id = u.member_id
       WHERE u.synthetic AND u.role = 'city_official' AND u.status = 'active' ORDER BY m.name, u.email LIMIT 1`,
    );
    return row?.email ?? null;
  }
}
