import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells processes that keep suggestions in memory what changed, on the `citymatch_changes` channel,
 * whoever wrote it (the API, a worker, an import from the command line). NOTIFY is delivered when
 * the transaction commits and not at all when it rolls back. Payloads: `members:<json array of
 * ids>`, `lists:<json array of member ids>` (lists of the current generation), `generation` (the
 * current generation switched), `weights`; `members:*` and `lists:*` when the ids would not fit
 * (lists come in chunks of 100 ids, so that happens only for very long ids).
 */
export class NotifyReadersOfChanges1764400100000 implements MigrationInterface {
  name = 'NotifyReadersOfChanges1764400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION citymatch_notify_members() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ids text;
      BEGIN
        SELECT json_agg(id)::text INTO ids FROM changed_rows;
        IF ids IS NOT NULL THEN
          PERFORM pg_notify('citymatch_changes', 'members:' || CASE WHEN length(ids) > 7000 THEN '*' ELSE ids END);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION citymatch_notify_lists() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ids text;
      BEGIN
        -- In chunks of 100 ids: one change can touch hundreds of lists, and "*" would make every
        -- reader load every list again.
        FOR ids IN
          SELECT json_agg(member_id)::text FROM (
            SELECT member_id, (row_number() OVER () - 1) / 100 AS chunk FROM changed_rows
            WHERE generation_id = (SELECT current_generation_id FROM suggestion_state WHERE id = 1)) AS current_rows
          GROUP BY chunk
        LOOP
          PERFORM pg_notify('citymatch_changes', 'lists:' || CASE WHEN length(ids) > 7000 THEN '*' ELSE ids END);
        END LOOP;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION citymatch_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('citymatch_changes', TG_ARGV[0]);
        RETURN NULL;
      END $$`);
    // A trigger with transition tables has one event, hence one trigger per event.
    for (const [table, fn, events] of [
      [
        'members',
        'citymatch_notify_members',
        [
          ['INSERT', 'NEW'],
          ['UPDATE', 'NEW'],
        ],
      ],
      [
        'suggestion_lists',
        'citymatch_notify_lists',
        [
          ['INSERT', 'NEW'],
          ['UPDATE', 'NEW'],
          ['DELETE', 'OLD'],
        ],
      ],
    ] as const) {
      for (const [event, rows] of events) {
        await queryRunner.query(
          `CREATE TRIGGER ${table}_${event.toLowerCase()}_notify AFTER ${event} ON ${table}
           REFERENCING ${rows} TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        );
      }
    }
    await queryRunner.query(
      `CREATE TRIGGER suggestion_state_switch_notify AFTER UPDATE ON suggestion_state FOR EACH ROW
       WHEN (OLD.current_generation_id IS DISTINCT FROM NEW.current_generation_id) EXECUTE FUNCTION citymatch_notify('generation')`,
    );
    await queryRunner.query(
      `CREATE TRIGGER matching_settings_notify AFTER UPDATE ON matching_settings FOR EACH STATEMENT EXECUTE FUNCTION citymatch_notify('weights')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER matching_settings_notify ON matching_settings');
    await queryRunner.query('DROP TRIGGER suggestion_state_switch_notify ON suggestion_state');
    for (const event of ['insert', 'update', 'delete'])
      await queryRunner.query(`DROP TRIGGER suggestion_lists_${event}_notify ON suggestion_lists`);
    for (const event of ['insert', 'update']) await queryRunner.query(`DROP TRIGGER members_${event}_notify ON members`);
    await queryRunner.query('DROP FUNCTION citymatch_notify()');
    await queryRunner.query('DROP FUNCTION citymatch_notify_lists()');
    await queryRunner.query('DROP FUNCTION citymatch_notify_members()');
  }
}
