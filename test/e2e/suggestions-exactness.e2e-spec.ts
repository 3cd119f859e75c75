import { makePartners } from '../support/partnerships';
import { getDataSourceToken } from '@nestjs/typeorm';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { MemberProfilesReader } from '../../src/members';
import { IncrementalUpdateService } from '../../src/suggestions/pipeline/incremental-update.service';
import { PipelineCache } from '../../src/suggestions/pipeline/pipeline-cache';
import { SuggestionsRepository } from '../../src/suggestions/storage/suggestions.repository';
import { sampleMembers } from '../support/random-members';
import { settle, storedAndFresh } from '../support/settle';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Whatever sequence of changes came before, once the work has settled the stored suggestions are
 * exactly what a full recompute from scratch gives.
 */
describe('stored suggestions converge to a full recompute', () => {
  let t: TestApp;
  const members = sampleMembers(40, 7);
  const ids = members.map((member) => member.id);

  beforeAll(async () => {
    t = await startTestApp({ SUGGESTIONS_K: '5', RECOMPUTE_SHARD_SIZE: '12' });
    await t.http.post('/api/v1/members/import').send(members).expect(200);
    await settle(t);
  }, 120_000);
  afterAll(() => t.close());

  it('after the import, every member has its full-recompute list, written by sharded jobs', async () => {
    const { stored, fresh } = await storedAndFresh(t);
    expect(stored.length).toBeGreaterThan(30);
    expect(stored).toEqual(fresh);
    const status = await t.http.get('/api/v1/recompute/status').expect(200);
    expect(status.body.current).toMatchObject({ state: 'complete', memberCount: 40, shardsTotal: 4, shardsDone: 4 });
  });

  it('after random sequences of updates, withdrawals, partnerships and dismissals', async () => {
    const change = fc.oneof(
      fc.record({
        kind: fc.constant('needs' as const),
        id: fc.constantFrom(...ids),
        theme: fc.constantFrom('climate-change', 'culture', 'environment'),
        level: fc.integer({ min: 1, max: 3 }),
      }),
      fc.record({
        kind: fc.constant('population' as const),
        id: fc.constantFrom(...ids),
        population: fc.integer({ min: 1000, max: 30_000_000 }),
      }),
      fc.record({ kind: fc.constant('withdraw' as const), id: fc.constantFrom(...ids) }),
      fc.record({ kind: fc.constant('reactivate' as const), id: fc.constantFrom(...ids) }),
      fc.record({ kind: fc.constant('partner' as const), id: fc.constantFrom(...ids), other: fc.constantFrom(...ids) }),
      fc.record({ kind: fc.constant('dismiss' as const), id: fc.constantFrom(...ids), other: fc.constantFrom(...ids) }),
      fc.record({ kind: fc.constant('undismiss' as const), id: fc.constantFrom(...ids) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 8 }), async (changes) => {
        for (const c of changes) await apply(t, c);
        await settle(t);
        const { stored, fresh } = await storedAndFresh(t);
        expect(stored).toEqual(fresh);
      }),
      { numRuns: 6, seed: 20261128 },
    );
  }, 240_000);

  it('when another worker process rewrote lists since this one last did', async () => {
    // The app's worker keeps the lists it last wrote in memory; here a second process (a service of
    // its own on the same database) applies changes in between, which that memory does not see.
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const repository = new SuggestionsRepository(dataSource);
    const profiles = new MemberProfilesReader(dataSource);
    const otherWorker = new IncrementalUpdateService(dataSource, repository, profiles);
    const inMemory = new PipelineCache(repository, profiles);
    await inMemory.reloadLists();
    for (const [round, [quiet, loud]] of [
      [ids[3], ids[4]],
      [ids[5], ids[6]],
      [ids[7], ids[8]],
    ].entries()) {
      await dataSource.query(`UPDATE members SET needs = '{"culture": 3, "environment": 3}', population = $2 WHERE id = $1`, [
        quiet,
        50_000 + round,
      ]);
      await otherWorker.applyMemberChange(quiet);
      // Lists kept in memory catch up with the rows the other process wrote.
      const generation = (await repository.currentGeneration())!;
      const caughtUp = await inMemory.listsAt(dataSource.manager, generation.id, await repository.stateVersion());
      expect(caughtUp?.listsOf(ids)).toEqual(await repository.readLists(generation.id));

      const { body: member } = await t.http.get(`/api/v1/members/${loud}`).expect(200);
      await t.http
        .patch(`/api/v1/members/${loud}`)
        .send({ version: member.version, population: 2_000_000 + round })
        .expect(200);
      await settle(t);
      const { stored, fresh } = await storedAndFresh(t);
      expect(stored).toEqual(fresh);
    }
  }, 120_000);

  it('when another worker process emptied a list since this one last wrote', async () => {
    // An emptied list is deleted rather than written, so no row of it says it changed.
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const repository = new SuggestionsRepository(dataSource);
    const profiles = new MemberProfilesReader(dataSource);
    const otherWorker = new IncrementalUpdateService(dataSource, repository, profiles);
    const inMemory = new PipelineCache(repository, profiles);
    await inMemory.reloadLists();
    const current = 'SELECT current_generation_id FROM suggestion_state WHERE id = 1';
    const [
      {
        member_id: quiet,
        candidate_ids: [loud],
      },
    ] = await dataSource.query(
      `SELECT member_id, candidate_ids FROM suggestion_lists WHERE generation_id = (${current}) ORDER BY member_id LIMIT 1`,
    );
    await dataSource.query(`UPDATE members SET needs = '{}', offers = '{}' WHERE id = $1`, [quiet]);
    await otherWorker.applyMemberChange(quiet);
    expect(
      await dataSource.query(`SELECT 1 FROM suggestion_lists WHERE generation_id = (${current}) AND member_id = $1`, [quiet]),
    ).toHaveLength(0);
    const generation = (await repository.currentGeneration())!;
    expect(await inMemory.listsAt(dataSource.manager, generation.id, await repository.stateVersion())).toBeUndefined();

    const { body: member } = await t.http.get(`/api/v1/members/${loud}`).expect(200);
    await t.http
      .patch(`/api/v1/members/${loud}`)
      .send({ version: member.version, population: member.population + 1 })
      .expect(200);
    await settle(t);
    const { stored, fresh } = await storedAndFresh(t);
    expect(stored).toEqual(fresh);
  }, 120_000);
});

type Change =
  | { kind: 'needs'; id: string; theme: string; level: number }
  | { kind: 'population'; id: string; population: number }
  | { kind: 'withdraw' | 'reactivate' | 'undismiss'; id: string }
  | { kind: 'partner' | 'dismiss'; id: string; other: string };

async function apply(t: TestApp, change: Change): Promise<void> {
  const { body: member } = await t.http.get(`/api/v1/members/${change.id}`).expect(200);
  const patch = (body: Record<string, unknown>) =>
    t.http
      .patch(`/api/v1/members/${change.id}`)
      .send({ version: member.version, ...body })
      .expect(200);
  switch (change.kind) {
    case 'needs':
      return void (await patch({ needs: { ...member.needs, [change.theme]: change.level } }));
    case 'population':
      return void (await patch({ population: change.population }));
    case 'withdraw':
      return void (await t.http.delete(`/api/v1/members/${change.id}`).expect(200));
    case 'reactivate':
      return void (await patch({ status: 'active' }));
    case 'partner':
      if (change.other === change.id || member.partners.includes(change.other)) return;
      return void (await makePartners(t, change.id, change.other));
    case 'dismiss':
      if (change.other === change.id) return;
      return void (await t.http.post(`/api/v1/members/${change.id}/dismissals`).send({ candidateId: change.other }).expect(201));
    case 'undismiss':
      if (member.dismissed.length === 0) return;
      return void (await t.http.delete(`/api/v1/members/${change.id}/dismissals/${member.dismissed[0]}`).expect(200));
  }
}
