import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DemoMember } from './demo-partnerships';

/** What the demo seed reads: the demo members, and which demo partnerships exist already. */
@Injectable()
export class DemoPartnershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  demoMembers(): Promise<DemoMember[]> {
    return this.dataSource.query(`SELECT id, name, country, needs, offers FROM members WHERE synthetic AND status = 'active' ORDER BY id`);
  }

  async present(ids: string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM partnerships WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((row) => row.id));
  }

  async anyDemoPartnership(): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM partnerships WHERE synthetic LIMIT 1`)).length > 0;
  }
}
