import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePartnershipsInterestsAndNotifications1764870000000 implements MigrationInterface {
  name = 'CreatePartnershipsInterestsAndNotifications1764870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per member and candidate it is interested in; the pair is mutual when both rows exist.
    await queryRunner.query(`
      CREATE TABLE interests (
        member_id text NOT NULL REFERENCES members (id),
        candidate_id text NOT NULL REFERENCES members (id),
        themes text[] NOT NULL DEFAULT '{}',
        message text,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (member_id, candidate_id),
        CHECK (member_id <> candidate_id)
      )`);
    await queryRunner.query(`CREATE INDEX interests_by_candidate ON interests (candidate_id)`);

    // member_a < member_b: a pair has one spelling, so "one open partnership per pair" is one index.
    await queryRunner.query(`
      CREATE TABLE partnerships (
        id uuid PRIMARY KEY,
        member_a text NOT NULL REFERENCES members (id),
        member_b text NOT NULL REFERENCES members (id),
        kind text NOT NULL,
        themes text[] NOT NULL DEFAULT '{}',
        stage text NOT NULL,
        origin text NOT NULL,
        score double precision,
        explanation jsonb,
        owner text,
        next_step text,
        next_step_due date,
        agreement jsonb,
        decline_reason text,
        end_reason text,
        ended_on date,
        synthetic boolean NOT NULL DEFAULT false,
        opened_at timestamptz NOT NULL,
        stage_changed_at timestamptz NOT NULL,
        last_activity_on date,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        CHECK (member_a < member_b)
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX partnerships_one_open_per_pair ON partnerships (member_a, member_b)
      WHERE stage NOT IN ('declined', 'ended')`);
    await queryRunner.query(`CREATE INDEX partnerships_by_member_b ON partnerships (member_b)`);
    // The suggestions pipeline reads ended pairs per member (they are not suggested again).
    await queryRunner.query(`CREATE INDEX partnerships_ended_by_a ON partnerships (member_a) WHERE stage = 'ended'`);
    await queryRunner.query(`CREATE INDEX partnerships_ended_by_b ON partnerships (member_b) WHERE stage = 'ended'`);
    await queryRunner.query(`CREATE INDEX partnerships_by_stage ON partnerships (stage, stage_changed_at)`);
    await queryRunner.query(`CREATE INDEX partnerships_by_updated ON partnerships (updated_at DESC, id)`);

    // What the suggestions read besides members.partners: the pairs whose latest partnership ended.
    await queryRunner.query(`
      CREATE FUNCTION ended_partners(member text) RETURNS text[] LANGUAGE sql STABLE AS $$
        SELECT coalesce(array_agg(CASE WHEN e.member_a = member THEN e.member_b ELSE e.member_a END), '{}')
        FROM partnerships e
        WHERE e.stage = 'ended' AND (e.member_a = member OR e.member_b = member) AND NOT EXISTS (
          SELECT 1 FROM partnerships r WHERE r.member_a = e.member_a AND r.member_b = e.member_b AND r.opened_at > e.opened_at)
      $$`);

    await queryRunner.query(`
      CREATE TABLE partnership_stage_changes (
        id bigserial PRIMARY KEY,
        partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        from_stage text,
        to_stage text NOT NULL,
        at timestamptz NOT NULL,
        by text,
        note text,
        reason text
      )`);
    await queryRunner.query(`CREATE INDEX stage_changes_by_partnership ON partnership_stage_changes (partnership_id, at)`);

    await queryRunner.query(`
      CREATE TABLE partnership_milestones (
        id uuid PRIMARY KEY,
        partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        title text NOT NULL,
        due_on date NOT NULL,
        done_on date,
        responsible text,
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE INDEX milestones_by_partnership ON partnership_milestones (partnership_id, due_on)`);

    await queryRunner.query(`
      CREATE TABLE partnership_activities (
        id uuid PRIMARY KEY,
        partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        occurred_on date NOT NULL,
        kind text NOT NULL,
        summary text NOT NULL,
        participants text[] NOT NULL DEFAULT '{}',
        logged_at timestamptz NOT NULL,
        logged_by text
      )`);
    await queryRunner.query(`CREATE INDEX activities_by_partnership ON partnership_activities (partnership_id, occurred_on)`);

    // member_id NULL: addressed to the secretariat. dedupe_key makes a repeated event (a job run twice) one notification.
    await queryRunner.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        member_id text REFERENCES members (id),
        kind text NOT NULL,
        partnership_id uuid REFERENCES partnerships (id) ON DELETE CASCADE,
        message text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        dedupe_key text
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX notifications_once ON notifications (dedupe_key, coalesce(member_id, ''))`);
    await queryRunner.query(`CREATE INDEX notifications_by_member ON notifications (member_id, created_at DESC)`);

    // Partners recorded before partnerships existed become partnerships at implementing, so that
    // every pair in members.partners has one (the partnerships are the source of truth from now on).
    await queryRunner.query(`
      WITH pairs AS (
        SELECT DISTINCT least(m.id, p.partner) AS a, greatest(m.id, p.partner) AS b
        FROM members m, unnest(m.partners) AS p(partner) WHERE p.partner <> m.id)
      INSERT INTO partnerships (id, member_a, member_b, kind, stage, origin, opened_at, stage_changed_at, updated_at)
      SELECT gen_random_uuid(), a, b, 'twinning', 'implementing', 'imported', now(), now(), now() FROM pairs`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION ended_partners(text)');
    for (const table of [
      'notifications',
      'partnership_activities',
      'partnership_milestones',
      'partnership_stage_changes',
      'partnerships',
      'interests',
    ])
      await queryRunner.query(`DROP TABLE ${table}`);
  }
}
