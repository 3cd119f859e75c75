import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { matchScore, type MatchProfile } from '@citymatch/matching';
import fc from 'fast-check';

import { referenceErrors } from '../members/import/record-references';
import { validateMemberRecords } from '../members/import/validate-member-records';
import { runMatch, USAGE } from './match';
import { certainlyValidRecords } from './match-quick-check';

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
    // Full precision: the very score the library gives.
    const byId = new Map(records.map((r) => [r.id, r as unknown as MatchProfile]));
    for (const s of output[0].suggestions) expect(s.score).toBe(matchScore(byId.get('suva')!, byId.get(s.city)!));
    expect(output[0].suggestions.some((s: { score: number }) => s.score !== Math.round(s.score * 1e4) / 1e4)).toBe(true);
    expect(lines.out).toEqual([expect.stringMatching(/^matched 3 members: 3 pairs scored in [\d.]+ s \(\d+ pairs\/s\)$/)]);
  });

  it("writes the same file when the pool's thread writes part of it", async () => {
    const themes = ['disaster-resilience', 'climate-change', 'culture', 'municipal-finance'];
    const countries = ['PH', 'FJ', 'TH', 'VN', 'ID'];
    const records = Array.from({ length: 40 }, (_, i) =>
      record(`c${i}`, {
        country: countries[i % countries.length],
        population: 10_000 + 997 * i,
        lat: -30 + ((i * 7) % 60),
        lon: 100 + ((i * 13) % 80),
        needs: { [themes[i % 4]]: 1 + (i % 3) },
        offers: { [themes[(i + 1) % 4]]: 1 + ((i + 1) % 3), [themes[(i + 2) % 4]]: 2 },
        status: i % 9 === 4 ? 'inactive' : 'active',
      }),
    );
    expect(await run(records, '--top', '6', '--threads', '1')).toBe(0);
    const alone = await readFile(join(dir, 'out.jsonl'), 'utf8');
    expect(await run(records, '--top', '6', '--threads', '2')).toBe(0);
    expect(await readFile(join(dir, 'out.jsonl'), 'utf8')).toBe(alone);
    // In input order, inactive members left out, and every line has its suggestions.
    const lines = alone
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.city)).toEqual(records.filter((r) => r.status === 'active').map((r) => r.id));
    expect(lines.every((l) => l.suggestions.length === 6)).toBe(true);
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

  // On two threads the pool's thread checks the records while this one prepares and scans them.
  it.each(['1', '2'])('rejects a bad file with every bad record and writes nothing (%s threads)', async (threads) => {
    const records = [record('a'), record('b', { population: -5, country: 'XX' }), record('c', { languages: ['english'] })];
    expect(await run(records, '--top', '3', '--threads', threads)).toBe(1);
    expect(lines.err[0]).toMatch(/has \d+ problem\(s\); nothing was written/);
    expect(lines.err.some((l) => /record 1, population/.test(l))).toBe(true);
    expect(lines.err.some((l) => /record 1, country/.test(l))).toBe(true);
    expect(lines.err.some((l) => /record 2, languages/.test(l))).toBe(true);
    await expect(readFile(join(dir, 'out.jsonl'))).rejects.toThrow(/ENOENT/);
  });

  it.each(['1', '2'])('lists the problems of records that preparing cannot read (%s threads)', async (threads) => {
    // Prepared before its check on two threads: a list that is a string, and needs that are null.
    const records = [record('a', { languages: 'eng' }), record('b', { country: 'FJ', needs: null })];
    expect(await run(records, '--top', '3', '--threads', threads)).toBe(1);
    expect(lines.err[0]).toMatch(/has \d+ problem\(s\); nothing was written/);
    expect(lines.err.some((l) => /record 0, languages/.test(l))).toBe(true);
    expect(lines.err.some((l) => /record 1, needs/.test(l))).toBe(true);
    await expect(readFile(join(dir, 'out.jsonl'))).rejects.toThrow(/ENOENT/);
  });

  it.each(['1', '2'])('says why it cannot read a file that is not JSON (%s threads)', async (threads) => {
    await writeFile(join(dir, 'in.json'), '[{"id": "a",');
    const code = await runMatch(
      ['--input', join(dir, 'in.json'), '--output', join(dir, 'out.jsonl'), '--top', '3', '--threads', threads],
      io,
    );
    expect(code).toBe(1);
    expect(lines.err[0]).toMatch(/^match: cannot read .*in\.json: .*JSON/);
    await expect(readFile(join(dir, 'out.jsonl'))).rejects.toThrow(/ENOENT/);
  });

  // On two threads this thread scores the records decoded as Latin-1 (their scored fields are ASCII),
  // while every check reads them as UTF-8: a name of 200 characters outside ASCII is 400 in Latin-1.
  it('checks names outside ASCII as written, also when the full validation reads them, on one and two threads', async () => {
    const records = [
      // A contact: not a record the quick check is sure of, so the full validation reads it.
      record('a', { name: 'Đ'.repeat(200), contact: { name: 'Nguyễn Thị Ánh', email: 'a@example.org' }, needs: { culture: 2 } }),
      record('b', { name: 'Đà Nẵng', country: 'VN', offers: { culture: 3 } }),
    ];
    expect(await run(records, '--top', '1', '--threads', '1')).toBe(0);
    const alone = await readFile(join(dir, 'out.jsonl'), 'utf8');
    expect(await run(records, '--top', '1', '--threads', '2')).toBe(0);
    expect(await readFile(join(dir, 'out.jsonl'), 'utf8')).toBe(alone);
    expect(alone).toBe(
      `${JSON.stringify({ city: 'a', suggestions: [{ city: 'b', score: matchScore(records[0] as unknown as MatchProfile, records[1] as unknown as MatchProfile) }] })}\n${JSON.stringify({ city: 'b', suggestions: [{ city: 'a', score: matchScore(records[1] as unknown as MatchProfile, records[0] as unknown as MatchProfile) }] })}\n`,
    );
    expect(lines.err).toEqual([]);
  });

  it.each(['1', '2'])('says where a file stops being JSON, counting its characters as written (%s threads)', async (threads) => {
    const text = '[{"name": "Đà Nẵng"} ü]';
    await writeFile(join(dir, 'in.json'), text);
    const code = await runMatch(
      ['--input', join(dir, 'in.json'), '--output', join(dir, 'out.jsonl'), '--top', '3', '--threads', threads],
      io,
    );
    expect(code).toBe(1);
    // Character 21 of the text (byte 26 of the file).
    expect(lines.err[0]).toMatch(new RegExp(`^match: cannot read .*in\\.json: .*position ${text.indexOf('ü')}$`));
  });

  it('lists the problems of records that only the check finds after the scan, and writes nothing', async () => {
    // Records the kernel scores without complaint, but that break the record rules.
    const records = [record('a', { name: 'x'.repeat(201) }), record('b', { country: 'FJ', partners: ['nobody'] })];
    expect(await run(records, '--top', '3', '--threads', '2')).toBe(1);
    expect(lines.err.some((l) => /record 0, name/.test(l))).toBe(true);
    expect(lines.err.some((l) => /record 1, partners\[0\]: unknown member id "nobody"/.test(l))).toBe(true);
    await expect(readFile(join(dir, 'out.jsonl'))).rejects.toThrow(/ENOENT/);
  });

  it('rounds scores for display with --decimals', async () => {
    const records = [
      record('suva', { country: 'FJ', lat: -18.1, lon: 178.4, needs: { 'disaster-resilience': 3 } }),
      record('iloilo', { offers: { 'disaster-resilience': 2 }, needs: { 'climate-change': 1 } }),
    ];
    expect(await run(records, '--top', '1', '--decimals', '3')).toBe(0);
    const first = JSON.parse((await readFile(join(dir, 'out.jsonl'), 'utf8')).split('\n')[0]);
    const exact = matchScore(records[0] as unknown as MatchProfile, records[1] as unknown as MatchProfile);
    expect(first.suggestions).toEqual([{ city: 'iloilo', score: Math.round(exact * 1000) / 1000 }]);
  });

  it('weighs the government tier from a weights file', async () => {
    const records = [
      record('a', { country: 'FJ', level: 'municipality', needs: { 'disaster-resilience': 3 }, offers: { 'climate-change': 3 } }),
      record('b', { level: 'city', offers: { 'disaster-resilience': 3 }, needs: { 'climate-change': 3 } }),
    ];
    await writeFile(join(dir, 'w.json'), JSON.stringify({ thematic: 0, shared: 0, population: 0, geo: 0, language: 0, tier: 1 }));
    expect(await run(records, '--top', '1', '--weights', join(dir, 'w.json'))).toBe(0);
    // Only the tier counts: a municipality and a city fit by one half both ways.
    const first = JSON.parse((await readFile(join(dir, 'out.jsonl'), 'utf8')).split('\n')[0]);
    expect(first).toEqual({ city: 'a', suggestions: [{ city: 'b', score: 0.5 }] });
  });

  it('prints its usage, every weight included, for --help', async () => {
    expect(await runMatch(['--help'], io)).toBe(0);
    expect(lines.out).toEqual([USAGE]);
    for (const key of ['thematic', 'shared', 'population', 'geo', 'language', 'tier']) expect(USAGE).toContain(`${key} (default`);
  });

  it('rejects bad usage and bad weights', async () => {
    expect(await run([record('a')], '--top', 'many')).toBe(2);
    expect(lines.err[0]).toMatch(/--top must be a whole number/);
    await writeFile(join(dir, 'w.json'), JSON.stringify({ geo: -1 }));
    expect(await run([record('a')], '--top', '2', '--weights', join(dir, 'w.json'))).toBe(1);
    expect(lines.err[1]).toMatch(/weight "geo"/);
    expect(await run([record('a')], '--top', '2', '--decimals', '18')).toBe(2);
    expect(lines.err[2]).toMatch(/--decimals must be a whole number from 0 to 17/);
  });
});

describe('the quick record check', () => {
  /** Values that break, bend or keep each rule. */
  const oddValue = fc.constantFrom<unknown>(
    undefined,
    null,
    '',
    'x'.repeat(201),
    0,
    -1,
    1.5,
    1e-7,
    90,
    -180,
    180.5,
    2_000_000_001,
    Number.MAX_SAFE_INTEGER,
    'PH',
    'XX',
    'ph',
    ['eng'],
    ['eng', 'eng'],
    ['english'],
    [],
    ['c1', 'c1'],
    ['bad id!'],
    { 'climate-change': 3 },
    { 'climate-change': 4 },
    { 'Climate Change': 1 },
    { 'water-and-sanitation': 2.5 },
    'region',
    'district',
    'inactive',
    true,
    { email: 'not an address' },
  );
  const field = fc.constantFrom(
    'id',
    'name',
    'country',
    'population',
    'lat',
    'lon',
    'languages',
    'level',
    'status',
    'needs',
    'offers',
    'partners',
    'dismissed',
    'synthetic',
    'contact',
    'extra',
  );

  it('never accepts a record that the full validation rejects: a sure file gets the same error list', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(field, oddValue), { maxLength: 3 }), (changes) => {
        const changed: Record<string, unknown> = record('c1', { partners: ['c2'] });
        for (const [key, value] of changes) changed[key] = value;
        const records = [changed, record('c2', { country: 'FJ' })];
        if (certainlyValidRecords(records)) expect(referenceErrors(records)).toEqual(validateMemberRecords(records));
      }),
      { numRuns: 1000 },
    );
  });

  it('is sure of the demo records', () => {
    expect(certainlyValidRecords([record('c1', { needs: { 'climate-change': 3 }, level: 'municipality', synthetic: true })])).toBe(true);
  });
});
