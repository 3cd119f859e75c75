import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { type AppConfig, loadConfiguration } from '../../src/config/configuration';
import { sampleMembers } from '../support/random-members';
import { settle } from '../support/settle';
import { startTestApp, startTestAppOn, type TestApp } from '../support/test-app';
import { createTestStack, TEST_STACK } from '../support/test-stack';

/** Generations and the generation ids their lists belong to, as stored. */
async function storedGenerations(dataSource: DataSource) {
  const generations: Array<{ id: number; state: string }> = await dataSource.query(
    'SELECT id, state FROM suggestion_generations ORDER BY id',
  );
  const listed: Array<{ generation_id: number }> = await dataSource.query(
    'SELECT DISTINCT generation_id FROM suggestion_lists ORDER BY generation_id',
  );
  const [{ current }] = await dataSource.query('SELECT current_generation_id AS current FROM suggestion_state WHERE id = 1');
  return { generations, listed: listed.map((row) => row.generation_id), current: current as number };
}

/** What a killed process leaves behind: a generation in `state` holding a copy of the current lists. */
async function leaveGeneration(dataSource: DataSource, state: 'failed' | 'building'): Promise<number> {
  const [{ id }] = await dataSource.query(
    `INSERT INTO suggestion_generations (state, reason, weights, k, member_count, shards_total)
     SELECT $1, 'left by a killed process', weights, k, member_count, shards_total FROM suggestion_generations
     WHERE id = (SELECT current_generation_id FROM suggestion_state WHERE id = 1)
     RETURNING id`,
    [state],
  );
  await dataSource.query(
    `INSERT INTO suggestion_lists (generation_id, member_id, candidate_ids, scores, components)
     SELECT $1, member_id, candidate_ids, scores, components FROM suggestion_lists
     WHERE generation_id = (SELECT current_generation_id FROM suggestion_state WHERE id = 1)`,
    [id],
  );
  return id;
}

async function recompute(t: TestApp): Promise<void> {
  await t.http.post('/api/v1/recompute').expect(202);
  await settle(t);
}

const suggestionListsSize = async (dataSource: DataSource): Promise<number> =>
  Number((await dataSource.query(`SELECT pg_total_relation_size('suggestion_lists') AS size`))[0].size);

describe('suggestion storage keeps only the current generation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post('/api/v1/members/import').send(sampleMembers(200, 17)).expect(200);
    await settle(t);
  });
  afterAll(() => t?.close());

  it('after several recomputes only the current generation and its lists remain, and the lists take no more room', async () => {
    await recompute(t);
    const sizeWithTwo = await suggestionListsSize(t.dataSource);
    for (let run = 0; run < 4; run++) await recompute(t);

    const { generations, listed, current } = await storedGenerations(t.dataSource);
    expect(generations).toEqual([{ id: current, state: 'complete' }]);
    expect(listed).toEqual([current]);
    // Each recompute reuses the room the one before it freed: five more generations, no more pages.
    expect(await suggestionListsSize(t.dataSource)).toBeLessThanOrEqual(sizeWithTwo * 1.25);
  });

  it('deletes the rows of failed and unfinished generations on the next recompute', async () => {
    const failed = await leaveGeneration(t.dataSource, 'failed');
    const unfinished = await leaveGeneration(t.dataSource, 'building');
    expect((await storedGenerations(t.dataSource)).listed).toEqual(expect.arrayContaining([failed, unfinished]));

    await recompute(t);

    const { generations, listed, current } = await storedGenerations(t.dataSource);
    expect(generations).toEqual([{ id: current, state: 'complete' }]);
    expect(listed).toEqual([current]);
  });
});

describe('suggestion storage at start-up', () => {
  let config: AppConfig;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    if (TEST_STACK === 'services') {
      const stack = await createTestStack();
      config = stack.config;
      dispose = stack.dispose;
    } else {
      // A data directory on disk, so that the database outlives the process that stops.
      const dataDir = mkdtempSync(join(tmpdir(), 'citymatch-storage-'));
      config = loadConfiguration({
        LOG_LEVEL: 'silent',
        SEED_DEMO_DATA: 'off',
        FIRST_ADMIN_TOKEN: 'off',
        RATE_LIMIT_PER_MINUTE: '0',
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
        DATA_DIR: dataDir,
      });
      dispose = async () => rmSync(dataDir, { recursive: true, force: true });
    }
  });
  afterAll(() => dispose?.());

  it('deletes the rows of a generation a stopped process left failed before anything else runs', async () => {
    const first = await startTestAppOn(config, async () => undefined);
    let failed: number;
    try {
      await first.http.post('/api/v1/members/import').send(sampleMembers(60, 29)).expect(200);
      await settle(first);
      failed = await leaveGeneration(first.dataSource, 'failed');
    } finally {
      await first.close();
    }

    const second = await startTestAppOn(config, async () => undefined);
    try {
      const { generations, listed } = await storedGenerations(second.dataSource);
      expect(generations.map((generation) => generation.id)).not.toContain(failed);
      expect(listed).not.toContain(failed);
      expect(listed.length).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });

  if (TEST_STACK === 'embedded') {
    it('deletes a half-built generation, which nothing will finish, and records a recompute instead', async () => {
      const first = await startTestAppOn(config, async () => undefined);
      let unfinished: number;
      try {
        await settle(first);
        unfinished = await leaveGeneration(first.dataSource, 'building');
      } finally {
        await first.close();
      }

      const second = await startTestAppOn(config, async () => undefined);
      try {
        const { listed } = await storedGenerations(second.dataSource);
        expect(listed).not.toContain(unfinished);
        await settle(second);
        const after = await storedGenerations(second.dataSource);
        expect(after.generations).toEqual([{ id: after.current, state: 'complete' }]);
        expect(after.current).toBeGreaterThan(unfinished);
      } finally {
        await second.close();
      }
    });
  }
});
