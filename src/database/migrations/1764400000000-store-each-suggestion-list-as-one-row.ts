import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per member and generation, its candidates and scores as arrays in rank order, instead of
 * one row per suggestion with its score components: a full recompute writes ~6,000 rows instead of
 * ~300,000 under two text-keyed indexes, and a reader fetches one row. Components were never read
 * back (explanations are computed from the members), so they are not kept.
 */
export class StoreEachSuggestionListAsOneRow1764400000000 implements MigrationInterface {
  name = 'StoreEachSuggestionListAsOneRow1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE suggestion_lists (
        generation_id integer NOT NULL REFERENCES suggestion_generations (id) ON DELETE CASCADE,
        member_id text NOT NULL,
        candidate_ids text[] NOT NULL,
        scores double precision[] NOT NULL,
        PRIMARY KEY (generation_id, member_id),
        CHECK (cardinality(candidate_ids) = cardinality(scores))
      )`);
    await queryRunner.query(`
      INSERT INTO suggestion_lists (generation_id, member_id, candidate_ids, scores)
      SELECT generation_id, member_id, array_agg(candidate_id ORDER BY rank), array_agg(score ORDER BY rank)
      FROM suggestions GROUP BY generation_id, member_id`);
    await queryRunner.query('DROP TABLE suggestions');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE suggestions (
        generation_id integer NOT NULL REFERENCES suggestion_generations (id) ON DELETE CASCADE,
        member_id text NOT NULL,
        rank smallint NOT NULL,
        candidate_id text NOT NULL,
        score double precision NOT NULL,
        thematic real NOT NULL DEFAULT 0,
        thematic_back real NOT NULL DEFAULT 0,
        shared real NOT NULL DEFAULT 0,
        shared_back real NOT NULL DEFAULT 0,
        population real NOT NULL DEFAULT 0,
        geo real NOT NULL DEFAULT 0,
        language real NOT NULL DEFAULT 0,
        PRIMARY KEY (generation_id, member_id, rank)
      )`);
    await queryRunner.query('CREATE INDEX suggestions_candidate_idx ON suggestions (generation_id, candidate_id)');
    await queryRunner.query(`
      INSERT INTO suggestions (generation_id, member_id, rank, candidate_id, score)
      SELECT l.generation_id, l.member_id, e.rank, e.candidate_id, e.score
      FROM suggestion_lists l, unnest(l.candidate_ids, l.scores) WITH ORDINALITY AS e(candidate_id, score, rank)`);
    await queryRunner.query('DROP TABLE suggestion_lists');
  }
}
