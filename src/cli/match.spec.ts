import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runMatch } from './match';

function record(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: id.toUpperCase(),
    country: 'PH',
    population: 100_000,
    lat: 10.7,
    lon: 122.6,
    languages: ['eng'],
    status: 'active',
    needs: {},
    offers: {},
    partners: [],
    dismissed: [],
    ...overrides,
  };
}

describe('match CLI', () => {
  let dir: string;
  const lines: { out: string[]; err: string[] } = { out: [], err: [] };
  const io = { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l), interactive: false };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'citymatch-match-'));
    lines.out = [];
    lines.err = [];
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function run(records: unknown, ...extra: string[]): Promise<number> {
    await writeFile(join(dir, 'in.json'), JSON.stringify(records));
    return runMatch(['--input', join(dir, 'in.json'), '--output', join(dir, 'out.jsonl'), ...extra], io);
  }

  it('writes one line per active member, best first, and a summary', async () => {
    const records = [
      record('suva', { country: 'FJ', lat: -18.1, lon: 178.4, needs: { 'disaster-resilience': 3 } }),
      record('iloilo', { offers: { 'disaster-resilience': 3 } }),
      record('cebu', { offers: { 'disaster-resilience': 1 } }),
      record('gone', { country: 'TH', offers: { 'disaster-resilience': 3 }, status: 'inactive' }),
    ];
    expect(await run(records, '--top', '5', '--threads', '1')).toBe(0);
    const output = (await readFile(join(dir, 'out.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(output.map((l) => l.city)).toEqual(['suva', 'iloilo', 'cebu']);
    expect(output[0].suggestions.map((s: { city: string }) => s.city)).toEqual(['iloilo', 'cebu']);
    expect(output[1].suggestions).toEqual([{ city: 'suva', score: output[0].suggestions[0].score }]);
    for (const s of output[0].suggestions) expect(s.score).toBe(Math.round(s.score * 1e4) / 1e4);
    expect(lines.out).toEqual([expect.stringMatching(/^matched 3 members: 3 pairs scored in [\d.]+ s \(\d+ pairs\/s\)$/)]);
  });

  it('applies a weights file', async () => {
    const records = [
      record('a', { country: 'FJ', needs: { 'disaster-resilience': 3 } }),
      record('b', { offers: { 'disaster-resilience': 3 } }),
    ];
    await writeFile(join(dir, 'w.json'), JSON.stringify({ thematic: 1, shared: 0, population: 0, geo: 0, language: 0 }));
    expect(await run(records, '--top', '1', '--weights', join(dir, 'w.json'))).toBe(0);
    // Only thematic counts: a←b = 1, b←a = 0 (b needs nothing), harmonic mean 0.
    const first = JSON.parse((await readFile(join(dir, 'out.jsonl'), 'utf8')).split('\n')[0]);
    expect(first).toEqual({ city: 'a', suggestions: [{ city: 'b', score: 0 }] });
  });

  it('rejects a bad file with every bad record and writes nothing', async () => {
    const records = [record('a'), record('b', { population: -5, country: 'XX' }), record('c', { languages: ['english'] })];
    expect(await run(records, '--top', '3')).toBe(1);
    expect(lines.err[0]).toMatch(/has \d+ problem\(s\); nothing was written/);
    expect(lines.err.some((l) => /record 1, population/.test(l))).toBe(true);
    expect(lines.err.some((l) => /record 1, country/.test(l))).toBe(true);
    expect(lines.err.some((l) => /record 2, languages/.test(l))).toBe(true);
    await expect(readFile(join(dir, 'out.jsonl'))).rejects.toThrow(/ENOENT/);
  });

  it('rejects bad usage and bad weights', async () => {
    expect(await run([record('a')], '--top', 'many')).toBe(2);
    expect(lines.err[0]).toMatch(/--top must be a whole number/);
    await writeFile(join(dir, 'w.json'), JSON.stringify({ geo: -1 }));
    expect(await run([record('a')], '--top', '2', '--weights', join(dir, 'w.json'))).toBe(1);
    expect(lines.err[1]).toMatch(/weight "geo"/);
  });
});
