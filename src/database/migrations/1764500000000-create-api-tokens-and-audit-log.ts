import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiTokensAndAuditLog1764500000000 implements MigrationInterface {
  name = 'CreateApiTokensAndAuditLog1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Only a hash of each secret is kept; the secret is shown once, at creation.
    await queryRunner.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY,
        label text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'secretariat', 'city_official')),
        member_id text REFERENCES members (id),
        secret_hash text NOT NULL UNIQUE,
        hint text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES api_tokens (id),
        expires_at timestamptz,
        revoked_at timestamptz,
        CHECK ((role = 'city_official') = (member_id IS NOT NULL))
      )`);

    // Append-only: who wrote what, and how it ended.
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        token_id uuid,
        role text,
        client_address text,
        method text NOT NULL,
        route text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        outcome text NOT NULL CHECK (outcome IN ('succeeded', 'rejected', 'denied', 'failed')),
        status_code integer
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`);
    await queryRunner.query(`CREATE INDEX audit_log_token ON audit_log (token_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP TABLE api_tokens`);
  }
}
