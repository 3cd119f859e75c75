import { Batched } from './batched';

describe('Batched', () => {
  it('answers the calls of one turn with one run, each its own value', async () => {
    const runs: number[][] = [];
    const doubled = new Batched<number, number>(async (keys) => {
      runs.push(keys);
      return keys.map((key) => key * 2);
    });
    const answers = await Promise.all([doubled.load(1), doubled.load(2), doubled.load(3)]);
    expect(answers).toEqual([2, 4, 6]);
    expect(runs).toEqual([[1, 2, 3]]);
    expect(await doubled.load(4)).toBe(8);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it('runs a full batch at once and keeps the rest for the next', async () => {
    const runs: number[][] = [];
    const same = new Batched<number, number>(async (keys) => {
      runs.push(keys);
      return keys;
    }, 2);
    expect(await Promise.all([same.load(1), same.load(2), same.load(3)])).toEqual([1, 2, 3]);
    expect(runs).toEqual([[1, 2], [3]]);
  });

  it('fails every call of a run that fails, and the next run starts afresh', async () => {
    let fail = true;
    const flaky = new Batched<number, number>(async (keys) => {
      if (fail) throw new Error('database gone');
      return keys;
    });
    const failed = await Promise.allSettled([flaky.load(1), flaky.load(2)]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await flaky.load(3)).toBe(3);
  });
});
