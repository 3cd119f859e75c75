import { findUnsafeInput, MAX_INPUT_DEPTH } from './unsafe-input';

describe('findUnsafeInput', () => {
  it('names the first element of an array that holds a NUL byte, in the order sent', async () => {
    const body = [{ name: 'Lyon' }, { name: 'Nul\u0000City' }, { name: 'x\ud800y' }];
    expect(await findUnsafeInput(body, '')).toEqual({ field: '[1].name', message: expect.stringContaining('NUL byte') });
  });

  it('names elements of nested arrays down to three levels, then the field that holds them', async () => {
    expect(await findUnsafeInput({ partners: ['a', 'b\u0000'] }, '')).toMatchObject({ field: 'partners[1]' });
    expect(await findUnsafeInput([[['ok', [['x\u0000']]]]], '')).toMatchObject({ field: '[0][0][1]' });
  });

  it('refuses nesting deeper than the limit, also inside arrays', async () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < MAX_INPUT_DEPTH + 1; level++) deep = [deep];
    expect(await findUnsafeInput(deep, '')).toMatchObject({ message: expect.stringContaining(`deeper than ${MAX_INPUT_DEPTH} levels`) });
    expect(await findUnsafeInput([[[]]], '')).toBeUndefined();
  });

  it('walks a million-element array across turns of the event loop and finds a problem in its last element', async () => {
    const body: unknown[] = Array.from({ length: 1_000_000 }, () => ({}));
    body[body.length - 1] = { name: 'x\ud800y' };
    let turns = 0;
    const tick = () =>
      setImmediate(() => {
        turns++;
        if (!done) tick();
      });
    let done = false;
    tick();

    const found = await findUnsafeInput(body, '');
    done = true;

    expect(found).toMatchObject({ field: '[999999].name', message: expect.stringContaining('lone UTF-16 surrogate') });
    expect(turns).toBeGreaterThanOrEqual(10);
  });

  it('answers a small input at once, without waiting for the event loop', () => {
    expect(findUnsafeInput([{ name: 'Lyon' }, 'ok'], '')).toBeUndefined();
  });
});
