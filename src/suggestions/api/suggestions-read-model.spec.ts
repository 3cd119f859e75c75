import type { DataSource } from 'typeorm';
import type { ChangeFeed, ChangeListener } from '../storage/change-feed';
import { MemberProfilesReader } from '../../members';
import { SuggestionsRepository } from '../storage/suggestions.repository';
import { SuggestionsReadModel } from './suggestions-read-model';

/** A list row as the read model's query returns it. */
function row(generation: number, memberId: string, candidates: string[]) {
  return {
    id: generation,
    finishedAt: null,
    weights: {},
    member_id: memberId,
    candidate_ids: candidates,
    scores: candidates.map(() => 0.5),
  };
}

/** A database whose answers to the lists query the test hands out one at a time. */
function fakeDatabase() {
  // ids: the lists query's member ids (null for all of them); undefined for a query without parameters.
  const pending: Array<{ ids: string[] | null | undefined; answer: (rows: unknown[]) => void }> = [];
  const dataSource = {
    manager: {
      query: (_sql: string, [ids]: [string[] | null] | [] = []) => new Promise((answer) => pending.push({ ids, answer })),
    },
  } as unknown as DataSource;
  return { dataSource, pending };
}

function fakeFeed() {
  let listener: ChangeListener = () => undefined;
  const feed = { listening: true, subscribe: (l: ChangeListener) => (listener = l) } as unknown as ChangeFeed;
  return { feed, notify: (payload: string) => listener(payload) };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('SuggestionsReadModel', () => {
  it('warms up with every profile and the current lists, so that a first reader finds them kept', async () => {
    const { dataSource, pending } = fakeDatabase();
    const { feed } = fakeFeed();
    const model = new SuggestionsReadModel(new SuggestionsRepository(dataSource), new MemberProfilesReader(dataSource), feed);

    const warming = model.warmUp();
    await settled();
    expect(pending.map((query) => query.ids)).toEqual([undefined, null]); // every profile and every list, side by side
    for (const query of pending.splice(0)) query.answer(query.ids === null ? [row(1, 'a', ['b', 'c'])] : []);
    await warming;

    const reading = model.stored('a');
    await settled();
    expect(pending).toHaveLength(0);
    expect((await reading).list.map((s) => s.id)).toEqual(['b', 'c']);
  });

  it('keeps answering from the previous generation while a switched one loads, then from the new one with later changes', async () => {
    const { dataSource, pending } = fakeDatabase();
    const { feed, notify } = fakeFeed();
    const model = new SuggestionsReadModel(new SuggestionsRepository(dataSource), new MemberProfilesReader(dataSource), feed);

    const first = model.stored('a');
    pending.shift()!.answer([row(1, 'a', ['b', 'c'])]);
    expect((await first).generation?.id).toBe(1);

    notify('generation');
    const load = pending.shift()!;
    expect(load.ids).toBeNull(); // every list of the new generation
    const during = await model.stored('a'); // answered without waiting for the load
    expect(during.generation?.id).toBe(1);
    expect(during.list.map((s) => s.id)).toEqual(['b', 'c']);

    notify('lists:["a"]'); // committed after the switch: the load may or may not have seen it
    load.answer([row(2, 'a', ['c'])]);
    await settled();
    const reread = pending.shift()!;
    expect(reread.ids).toEqual(['a']);
    reread.answer([row(2, 'a', ['d'])]);
    const after = await model.stored('a');
    expect(after.generation?.id).toBe(2);
    expect(after.list.map((s) => s.id)).toEqual(['d']);
  });

  it('loads for the first reader when nothing was kept before the switch', async () => {
    const { dataSource, pending } = fakeDatabase();
    const { feed, notify } = fakeFeed();
    const model = new SuggestionsReadModel(new SuggestionsRepository(dataSource), new MemberProfilesReader(dataSource), feed);
    notify('generation');
    expect(pending).toHaveLength(0);
    const read = model.stored('a');
    pending.shift()!.answer([row(3, 'a', ['b'])]);
    expect((await read).generation?.id).toBe(3);
  });
});
