import { parseJsonArrayInSlices } from './json-array-in-slices';

const strictParse = (text: string) => JSON.parse(text) as unknown;

describe('parseJsonArrayInSlices', () => {
  it.each([
    '[]',
    ' [ ] ',
    '[1,2,3]',
    '\n[ {"a": [1, {"b": "]},[{"}]} , "x,y" ,null,true,-1.5e3, [] ,{}]\t',
    '["quote \\" and backslash \\\\", "\\u005d", {"nested": [[[]]]}]',
    '{"not": "an array"}',
    '"text"',
  ])('reads %s as JSON.parse does', async (text) => {
    expect(await parseJsonArrayInSlices(text, strictParse)).toEqual(JSON.parse(text));
  });

  it.each(['[', '[1,2', '[1,]', '[,1]', '[1 2]', '[1}]', '[{]}', '[1]]', '[1] x', '[{"a": "open]', '[1,,2]'])(
    'refuses %s through the given parser, as JSON.parse would',
    async (text) => {
      expect(() => JSON.parse(text)).toThrow();
      await expect(parseJsonArrayInSlices(text, strictParse)).rejects.toThrow(SyntaxError);
    },
  );

  it('lets other work run while it parses a large array, and reads it whole', async () => {
    const records = Array.from({ length: 100_000 }, (_, index) => ({ id: `m${index}`, name: `City ${index}`, needs: { water: 2 } }));
    const text = JSON.stringify(records);
    const order: string[] = [];
    setImmediate(() => order.push('other work'));

    const parsing = parseJsonArrayInSlices(text, strictParse).then((parsed) => {
      order.push('parsed');
      return parsed;
    });

    expect(await parsing).toEqual(records);
    expect(order).toEqual(['other work', 'parsed']);
  });
});
