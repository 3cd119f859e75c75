import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSuggestionsAndOutbox1764300100000 implements MigrationInterface {
  name = 'CreateSuggestionsAndOutbox1764300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Work to enqueue, written in the same transaction as the change that causes it; deleted once enqueued.
    await queryRunner.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        coalesce_key text,
        delay_ms integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The matching weights in force; one row.
    await queryRunner.query(`
      CREATE TABLE matching_settings (
        id integer PRIMARY KEY CHECK (id = 1),
        weights jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `INSERT INTO matching_settings (id, weights) VALUES (1, '{"thematic":0.45,"shared":0.15,"population":0.15,"geo":0.1,"language":0.15}')`,
    );

    await queryRunner.query(`
      CREATE TABLE suggestion_generations (
        id serial PRIMARY KEY,
        state text NOT NULL CHECK (state IN ('building', 'complete', 'failed', 'superseded')),
        reason text NOT NULL,
        weights jsonb NOT NULL,
        k integer NOT NULL,
        member_count integer NOT NULL,
        shards_total integer NOT NULL,
        shards_done integer[] NOT NULL DEFAULT '{}',
        snapshot jsonb,
        error text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);

    // Which generation readers see, and what incremental work touched while another was being built.
    await queryRunner.query(`
      CREATE TABLE suggestion_state (
        id integer PRIMARY KEY CHECK (id = 1),
        current_generation_id integer REFERENCES suggestion_generations (id),
        last_change_applied_at timestamptz
      )`);
    await queryRunner.query('INSERT INTO suggestion_state (id) VALUES (1)');
    await queryRunner.query(`
      CREATE TABLE suggestion_rechecks (
        generation_id integer NOT NULL REFERENCES suggestion_generations (id) ON DELETE CASCADE,
        member_id text NOT NULL,
        PRIMARY KEY (generation_id, member_id)
      )`);

    // Why a member marked a candidate "not interested"; the ids themselves are in members.dismissed.
    await queryRunner.query(`
      CREATE TABLE dismissal_notes (
        member_id text NOT NULL REFERENCES members (id),
        candidate_id text NOT NULL,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (member_id, candidate_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE suggestions (
        generation_id integer NOT NULL REFERENCES suggestion_generations (id) ON DELETE CASCADE,
        member_id text NOT NULL,
        rank smallint NOT NULL,
        candidate_id text NOT NULL,
        score double precision NOT NULL,
        thematic real NOT NULL,
        thematic_back real NOT NULL,
        shared real NOT NULL,
        shared_back real NOT NULL,
        population real NOT NULL,
        geo real NOT NULL,
        language real NOT NULL,
        PRIMARY KEY (generation_id, member_id, rank)
      )`);
    await queryRunner.query('CREATE INDEX suggestions_candidate_idx ON suggestions (generation_id, candidate_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'dismissal_notes',
      'suggestions',
      'suggestion_rechecks',
      'suggestion_state',
      'suggestion_generations',
      'matching_settings',
      'outbox',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
