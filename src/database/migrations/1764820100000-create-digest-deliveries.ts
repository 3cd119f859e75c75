import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDigestDeliveries1764820100000 implements MigrationInterface {
  name = 'CreateDigestDeliveries1764820100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per person and ISO week: the guard that a re-run or a retried job never mails twice.
    await queryRunner.query(`
      CREATE TABLE digest_deliveries (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        iso_week text NOT NULL CHECK (iso_week ~ '^[0-9]{4}-W[0-9]{2}$'),
        status text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'skipped')),
        reason text,
        subject text,
        message_id text,
        smtp_response text,
        attempts integer NOT NULL DEFAULT 0,
        claimed_until timestamptz,
        suggestion_ids text[] NOT NULL DEFAULT '{}',
        suggestion_scores double precision[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (user_id, iso_week)
      )`);
    await queryRunner.query(`CREATE INDEX digest_deliveries_week ON digest_deliveries (iso_week, status)`);
    // Keys CityMatch signs links with (unsubscribe), made once per installation.
    await queryRunner.query(`CREATE TABLE signing_keys (name text PRIMARY KEY, secret text NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE signing_keys`);
    await queryRunner.query(`DROP TABLE digest_deliveries`);
  }
}
