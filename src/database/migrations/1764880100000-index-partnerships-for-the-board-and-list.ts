import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes the board and the filtered list were missing (EXPLAIN on PostgreSQL with 20,000 partnerships). */
export class IndexPartnershipsForTheBoardAndList1764880100000 implements MigrationInterface {
  name = 'IndexPartnershipsForTheBoardAndList1764880100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Median days per stage walks each partnership's history in order: read in that order, with the stage, instead of sorting it all.
    await queryRunner.query(`CREATE INDEX stage_changes_in_order ON partnership_stage_changes (partnership_id, at, id) INCLUDE (to_stage)`);
    await queryRunner.query(`DROP INDEX stage_changes_by_partnership`);
    // "Reached an agreement": one probe into a small index per partnership opened in the last 12 months.
    await queryRunner.query(
      `CREATE INDEX stage_changes_to_agreement ON partnership_stage_changes (partnership_id) WHERE to_stage = 'agreement'`,
    );
    await queryRunner.query(`CREATE INDEX partnerships_by_opened ON partnerships (opened_at)`);
    // member = x is (member_a = x OR member_b = x): both sides need an index, whatever the stage.
    await queryRunner.query(`CREATE INDEX partnerships_by_member_a ON partnerships (member_a)`);
    // theme = x is themes @> {x}.
    await queryRunner.query(`CREATE INDEX partnerships_by_theme ON partnerships USING gin (themes)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX partnerships_by_theme`);
    await queryRunner.query(`DROP INDEX partnerships_by_member_a`);
    await queryRunner.query(`DROP INDEX partnerships_by_opened`);
    await queryRunner.query(`DROP INDEX stage_changes_to_agreement`);
    await queryRunner.query(`CREATE INDEX stage_changes_by_partnership ON partnership_stage_changes (partnership_id, at)`);
    await queryRunner.query(`DROP INDEX stage_changes_in_order`);
  }
}
