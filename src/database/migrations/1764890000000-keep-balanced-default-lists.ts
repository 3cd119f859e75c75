import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The default (balanced) suggestion lists, replaced as a whole by each balancing run, and the one row
 * that says what the stored lists were computed from. Readers are told on `citymatch_changes` with
 * the payload `balanced` when a run is stored.
 */
export class KeepBalancedDefaultLists1764890000000 implements MigrationInterface {
  name = 'KeepBalancedDefaultLists1764890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE balanced_lists (
      member_id text PRIMARY KEY,
      suggestions jsonb NOT NULL
    )`);
    await queryRunner.query(`CREATE TABLE balanced_runs (
      id int PRIMARY KEY CHECK (id = 1),
      based_on text NOT NULL,
      generation_id int NOT NULL,
      started_at timestamptz NOT NULL,
      computed_at timestamptz NOT NULL,
      took_ms int NOT NULL,
      lists int NOT NULL
    )`);
    await queryRunner.query(
      `CREATE TRIGGER balanced_runs_notify AFTER INSERT OR UPDATE ON balanced_runs FOR EACH STATEMENT EXECUTE FUNCTION citymatch_notify('balanced')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE balanced_runs');
    await queryRunner.query('DROP TABLE balanced_lists');
  }
}
