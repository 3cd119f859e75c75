import { MigrationInterface, QueryRunner } from 'typeorm';

/** Country pairs whose members are never matched; each pair once, its codes in alphabetical order. */
export class CreateCountryPairExclusions1764840100000 implements MigrationInterface {
  name = 'CreateCountryPairExclusions1764840100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE country_pair_exclusions (
      country_a char(2) NOT NULL,
      country_b char(2) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (country_a, country_b),
      CHECK (country_a < country_b)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE country_pair_exclusions');
  }
}
