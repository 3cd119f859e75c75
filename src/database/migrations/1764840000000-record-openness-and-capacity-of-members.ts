import { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether a member takes on new partnerships and how many: closed members are never suggested, capacity bounds exposure. */
export class RecordOpennessAndCapacityOfMembers1764840000000 implements MigrationInterface {
  name = 'RecordOpennessAndCapacityOfMembers1764840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE members
      ADD COLUMN open_to_partnerships boolean NOT NULL DEFAULT true,
      ADD COLUMN capacity integer CHECK (capacity >= 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE members DROP COLUMN capacity, DROP COLUMN open_to_partnerships');
  }
}
