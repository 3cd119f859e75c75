import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Name search ignores accents ("Raniganj" finds "Rānīganj") through PostgreSQL's unaccent, which
 * ships with PostgreSQL's contrib modules and with PGlite; it is a trusted extension, so an owner
 * of the database may create it.
 */
export class SearchMemberNamesWithoutAccents1764850000000 implements MigrationInterface {
  name = 'SearchMemberNamesWithoutAccents1764850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP EXTENSION IF EXISTS unaccent');
  }
}
