import { MigrationInterface, QueryRunner } from 'typeorm';

export class RememberWhatEachDigestCovered1764880000000 implements MigrationInterface {
  name = 'RememberWhatEachDigestCovered1764880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The instant a sent digest's news runs up to: the next one starts there, so no event is told twice or lost.
    await queryRunner.query(`ALTER TABLE digest_deliveries ADD COLUMN covered_until timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE digest_deliveries DROP COLUMN covered_until`);
  }
}
