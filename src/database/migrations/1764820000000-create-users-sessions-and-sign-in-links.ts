import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsersSessionsAndSignInLinks1764820000000 implements MigrationInterface {
  name = 'CreateUsersSessionsAndSignInLinks1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // People: the recipients of digests and the ones who sign in to the web app.
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('secretariat', 'city_official')),
        member_id text REFERENCES members (id),
        member_contact boolean NOT NULL DEFAULT false,
        digest_enabled boolean NOT NULL DEFAULT true,
        digest_weekday smallint NOT NULL DEFAULT 1 CHECK (digest_weekday BETWEEN 1 AND 7),
        digest_hour smallint NOT NULL DEFAULT 8 CHECK (digest_hour BETWEEN 0 AND 23),
        time_zone text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated')),
        synthetic boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((role = 'city_official') = (member_id IS NOT NULL)),
        CHECK (NOT member_contact OR member_id IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email ON users (lower(email))`);
    await queryRunner.query(`CREATE INDEX users_member ON users (member_id)`);
    // At most one user is a member's recorded contact.
    await queryRunner.query(`CREATE UNIQUE INDEX users_member_contact ON users (member_id) WHERE member_contact`);

    // Only hashes of link tokens and session secrets are kept.
    await queryRunner.query(`
      CREATE TABLE sign_in_links (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        client_address text
      )`);
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        secret_hash text NOT NULL UNIQUE,
        csrf_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        client_address text,
        user_agent text
      )`);
    await queryRunner.query(`CREATE INDEX sessions_user ON sessions (user_id)`);

    // Writes made in a session name the person and the session.
    await queryRunner.query(`ALTER TABLE audit_log ADD COLUMN user_id uuid, ADD COLUMN session_id uuid`);
    await queryRunner.query(`CREATE INDEX audit_log_user ON audit_log (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_log DROP COLUMN user_id, DROP COLUMN session_id`);
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE sign_in_links`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
