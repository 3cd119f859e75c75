import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each stored suggestion keeps its score's seven components, as computed for its generation: per
 * list, rank by rank, thematic, thematic back, shared, shared back, population, geo, language,
 * as 4-byte little-endian floats (28 bytes a suggestion). Binary, because a full recompute stores
 * about 300,000 suggestions and 2 million numbers as text cost more than the rest of the write.
 * `suggestion_component(components, rank, n)` reads one back in SQL (rank and n from 1).
 */
export class StoreSuggestionComponents1764600000000 implements MigrationInterface {
  name = 'StoreSuggestionComponents1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE suggestion_lists ADD COLUMN components bytea`);
    await queryRunner.query(`
      ALTER TABLE suggestion_lists ADD CONSTRAINT suggestion_lists_components_size
      CHECK (components IS NULL OR length(components) = 28 * cardinality(scores))`);
    await queryRunner.query(`
      CREATE FUNCTION suggestion_component(components bytea, rank integer, n integer) RETURNS real
      LANGUAGE sql IMMUTABLE STRICT AS $$
        SELECT CASE WHEN (bits & 2147483647) = 0 THEN 0::real ELSE
          ((CASE WHEN (bits >> 31) = 1 THEN -1 ELSE 1 END)
           * (1 + (bits & 8388607)::float8 / 8388608)
           * power(2::float8, ((bits >> 23) & 255) - 127))::real END
        FROM (SELECT (get_byte(components, o)::bigint | (get_byte(components, o + 1)::bigint << 8)
                      | (get_byte(components, o + 2)::bigint << 16) | (get_byte(components, o + 3)::bigint << 24)) AS bits
              FROM (SELECT ((rank - 1) * 7 + (n - 1)) * 4 AS o) AS offsets) AS words
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION suggestion_component(bytea, integer, integer)`);
    await queryRunner.query(`ALTER TABLE suggestion_lists DROP COLUMN components`);
  }
}
