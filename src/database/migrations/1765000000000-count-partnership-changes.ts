import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One counter that every committed change of the partnerships moves, so the secretariat's kept pages, totals and
 * board figures can tell a change from none. The newest updated_at could not: two writes in the same millisecond, or
 * from processes whose clocks differ, leave it where it was. The counter is bumped when the writing transaction
 * commits (a deferred trigger), so it is never seen ahead of the change it counts, and its row is locked last, after
 * every partnership the transaction wrote, so two writers cannot wait on each other through it. It moves once per
 * transaction, however many partnerships the transaction wrote.
 */
export class CountPartnershipChanges1765000000000 implements MigrationInterface {
  name = 'CountPartnershipChanges1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE partnership_changes (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), count bigint NOT NULL)`,
    );
    await queryRunner.query(`INSERT INTO partnership_changes (count) VALUES (0)`);
    await queryRunner.query(`
      CREATE FUNCTION count_partnership_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Once per transaction: an import of 20,000 partnerships leaves one new version of the row, not 20,000.
        IF current_setting('citymatch.partnerships_counted', true) IS DISTINCT FROM txid_current()::text THEN
          UPDATE partnership_changes SET count = count + 1;
          PERFORM set_config('citymatch.partnerships_counted', txid_current()::text, true);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER partnerships_counted AFTER INSERT OR UPDATE OR DELETE ON partnerships
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_partnership_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER partnerships_counted ON partnerships`);
    await queryRunner.query(`DROP FUNCTION count_partnership_change()`);
    await queryRunner.query(`DROP TABLE partnership_changes`);
  }
}
