import type { MemberRecord } from '../../src/members/member-record';
import { DEMO_SEED, loadGeoNamesProfiles } from '../../src/members/seed';
import { databaseSnapshot, memberRecord } from '../support/member-factory';
import { TEST_STACK } from '../support/test-stack';
import { startTestApp, type TestApp } from '../support/test-app';

const IMPORT = '/api/v1/members/import';
const EXPORT = '/api/v1/members/export';

/** The keys of an exported record: the record format, nothing derived or tracked. */
const RECORD_KEYS = [
  'capacity',
  'contact',
  'country',
  'dismissed',
  'id',
  'languages',
  'lat',
  'level',
  'lon',
  'name',
  'needs',
  'offers',
  'openToPartnerships',
  'partners',
  'population',
  'status',
  'synthetic',
];

/** A record as export writes it: optional fields filled with what import stores for them. */
function asExported(record: MemberRecord): MemberRecord {
  return {
    ...record,
    level: record.level ?? 'city',
    openToPartnerships: record.openToPartnerships ?? true,
    capacity: record.capacity ?? null,
    synthetic: record.synthetic ?? false,
    contact: { name: record.contact?.name ?? null, email: record.contact?.email ?? null },
  };
}

/** Members that use every part of the record format. */
function variedBatch(prefix: string): MemberRecord[] {
  return [
    memberRecord({
      id: `${prefix}-suva`,
      name: 'Suva',
      country: 'FJ',
      languages: ['eng', 'fij'],
      lat: -18.1416,
      lon: 178.4415,
      population: 77_366,
      level: 'city',
      needs: { 'disaster-resilience': 3, 'climate-change': 2 },
      offers: { culture: 1 },
      partners: [`${prefix}-apia`],
      contact: { name: 'Mayor’s Office', email: 'mayor@suva.example.org' },
    }),
    memberRecord({
      id: `${prefix}-apia`,
      name: 'Apia',
      country: 'WS',
      languages: ['smo', 'eng'],
      lat: -13.8333,
      lon: -171.7667,
      population: 40_407,
      level: 'municipality',
      needs: {},
      offers: { 'disaster-resilience': 3 },
      partners: [`${prefix}-suva`],
      dismissed: [`${prefix}-lgu`],
      contact: { name: null, email: 'apia@example.org' },
    }),
    memberRecord({
      id: `${prefix}-lgu`,
      name: 'League of Cities of the Philippines',
      country: 'PH',
      languages: ['fil', 'eng'],
      population: 40_000_000,
      level: 'association',
      status: 'inactive',
      needs: { 'municipal-finance': 1 },
      offers: { 'good-governance': 3, decentralisation: 2 },
      contact: undefined,
    }),
    memberRecord({
      id: `${prefix}-almaty`,
      name: 'Алматы',
      country: 'KZ',
      languages: ['kaz', 'rus'],
      lat: 43.25,
      lon: 76.91667,
      population: 2_000_900,
      level: 'region',
      needs: { 'sdg-localisation': 2 },
      offers: {},
      synthetic: true,
    }),
    {
      ...memberRecord({
        id: `${prefix}-noumea`,
        name: 'Nouméa',
        country: 'NC',
        languages: ['fra'],
        lat: -22.27631,
        lon: 166.4572,
        population: 93_060,
      }),
      level: undefined,
      synthetic: undefined,
      contact: undefined,
    },
  ];
}

/** Everything app A held at the end, in the record format, for a fresh app to import. */
let exportOfA: { text: string; body: MemberRecord[] } | undefined;

describe('member import and export', () => {
  let a: TestApp;

  beforeAll(async () => {
    a = await startTestApp();
  });
  afterAll(async () => {
    if (!a) return;
    const response = await a.http.get(EXPORT).expect(200);
    exportOfA = { text: response.text, body: response.body };
    // Closed before app B starts: on the embedded stack the apps of one test file would share one PGlite instance.
    await a.close();
  });

  it('creates members, then updates them by id, counting created, updated and unchanged', async () => {
    const [one, two, three] = [memberRecord({ id: 'cu-1' }), memberRecord({ id: 'cu-2' }), memberRecord({ id: 'cu-3' })];
    const first = await a.http.post(IMPORT).send([one, two]).expect(200);
    expect(first.body).toEqual({ received: 2, created: 2, updated: 0, unchanged: 0 });

    const second = await a.http
      .post(IMPORT)
      .send([{ ...one, population: 1_000_000, offers: { culture: 3 } }, two, three])
      .expect(200);
    expect(second.body).toEqual({ received: 3, created: 1, updated: 1, unchanged: 1 });

    expect((await a.http.get('/api/v1/members/cu-1').expect(200)).body).toMatchObject({
      population: 1_000_000,
      offers: { culture: 3 },
      version: 2,
    });
    expect((await a.http.get('/api/v1/members/cu-2').expect(200)).body).toMatchObject({ version: 1 });
    expect((await a.http.get('/api/v1/members/cu-3').expect(200)).body).toMatchObject({ version: 1, subregion: 'South-Eastern Asia' });
  });

  it('changes nothing when the same batch is imported again (versions and timestamps stay)', async () => {
    const batch = variedBatch('again');
    expect((await a.http.post(IMPORT).send(batch).expect(200)).body).toMatchObject({ created: 5 });
    const before = await databaseSnapshot(a.dataSource);
    const again = await a.http.post(IMPORT).send(batch).expect(200);
    expect(again.body).toEqual({ received: 5, created: 0, updated: 0, unchanged: 5 });
    expect(await databaseSnapshot(a.dataSource)).toEqual(before);
  });

  it('accepts partners and dismissed that name other records of the same batch, in either order', async () => {
    const batch = [
      memberRecord({ id: 'ref-1', partners: ['ref-3'], dismissed: ['ref-2'] }),
      memberRecord({ id: 'ref-2', partners: ['ref-1'] }),
      memberRecord({ id: 'ref-3', partners: ['ref-1', 'cu-1'] }),
    ];
    expect((await a.http.post(IMPORT).send(batch).expect(200)).body).toMatchObject({ created: 3 });
    expect((await a.http.get('/api/v1/members/ref-1').expect(200)).body).toMatchObject({ partners: ['ref-3'], dismissed: ['ref-2'] });
  });

  it('accepts an empty batch', async () => {
    expect((await a.http.post(IMPORT).send([]).expect(200)).body).toEqual({ received: 0, created: 0, updated: 0, unchanged: 0 });
  });

  describe('all or nothing', () => {
    it('refuses a batch with several bad rows, lists every one of them and writes nothing', async () => {
      const existing = memberRecord({ id: 'aon-existing' });
      await a.http.post(IMPORT).send([existing]).expect(200);
      const batch: unknown[] = [
        { ...existing, population: 999 }, // a valid update, which must not be applied
        memberRecord({ id: 'aon-1', country: 'XX' }),
        memberRecord({ id: 'aon-2' }),
        memberRecord({ id: 'aon-3', needs: { 'climate-change': 4 }, offers: { 'space-travel': 1 } }),
        memberRecord({ id: 'aon-4', partners: ['nobody'], dismissed: ['aon-4'] }),
        { ...memberRecord({ id: 'aon-5' }), colour: 'blue', lat: 91 },
        memberRecord({ id: 'aon-2' }),
        'not a record',
        { ...memberRecord({ id: 'aon-8' }), contact: { email: 'nope' }, languages: ['en'] },
      ];
      const before = await databaseSnapshot(a.dataSource);
      const response = await a.http.post(IMPORT).send(batch).expect(400);

      expect(response.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.stringContaining('nothing was imported'),
      });
      const expected: Array<[number, string]> = [
        [1, 'country'],
        [3, 'needs'],
        [3, 'offers.space-travel'],
        [4, 'partners[0]'],
        [4, 'dismissed[0]'],
        [5, 'colour'],
        [5, 'lat'],
        [6, 'id'],
        [7, ''],
        [8, 'contact.email'],
        [8, 'languages'],
      ];
      for (const [index, field] of expected) {
        expect(response.body.details).toContainEqual({ index, field, message: expect.any(String) });
      }
      const badRows = new Set(response.body.details.map((detail: { index: number }) => detail.index));
      expect([...badRows].sort()).toEqual([1, 3, 4, 5, 6, 7, 8]);
      expect(await databaseSnapshot(a.dataSource)).toEqual(before);
    });

    it('refuses a batch that repeats an id, naming the later row', async () => {
      const before = await databaseSnapshot(a.dataSource);
      const response = await a.http
        .post(IMPORT)
        .send([memberRecord({ id: 'dup-1' }), memberRecord({ id: 'dup-1', name: 'Other' })])
        .expect(400);
      expect(response.body.details).toEqual([{ index: 1, field: 'id', message: expect.stringContaining('dup-1') }]);
      expect(await databaseSnapshot(a.dataSource)).toEqual(before);
    });

    test.each([
      ['an object', '{"members": []}'],
      ['a string', '"members.json"'],
      ['null', 'null'],
      ['malformed JSON', '[{"id": "x",'],
    ])('refuses %s instead of an array, writing nothing', async (_case, raw) => {
      const before = await databaseSnapshot(a.dataSource);
      const response = await a.http.post(IMPORT).set('Content-Type', 'application/json').send(raw).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
      expect(await databaseSnapshot(a.dataSource)).toEqual(before);
    });
  });

  describe('export', () => {
    it('returns every member in the record format, sorted by id', async () => {
      const batch = variedBatch('exp');
      await a.http.post(IMPORT).send(batch).expect(200);
      const exported = (await a.http.get(EXPORT).expect(200)).body as MemberRecord[];

      const stored: Array<{ id: string }> = await a.dataSource.query('SELECT id FROM members');
      const ids = exported.map((record) => record.id);
      expect(ids).toEqual(stored.map((row) => row.id).sort());
      for (const record of exported) expect(Object.keys(record).sort()).toEqual(RECORD_KEYS);
      for (const record of batch) expect(exported).toContainEqual(asExported(record));
    });

    it('round-trips: importing the export changes nothing, and a second export is identical', async () => {
      await a.http.post(IMPORT).send(variedBatch('rt')).expect(200);
      const first = await a.http.get(EXPORT).expect(200);
      const before = await databaseSnapshot(a.dataSource);

      const reimport = await a.http.post(IMPORT).send(first.body).expect(200);
      expect(reimport.body).toEqual({ received: first.body.length, created: 0, updated: 0, unchanged: first.body.length });
      expect(await databaseSnapshot(a.dataSource)).toEqual(before);

      const second = await a.http.get(EXPORT).expect(200);
      expect(second.body).toEqual(first.body);
      expect(second.text).toBe(first.text);
    });
  });
});

describe('member import into a fresh app', () => {
  let b: TestApp;

  beforeAll(async () => {
    b = await startTestApp();
  });
  afterAll(() => b?.close());

  it('imports the export of another app and exports exactly the same', async () => {
    const fromA = exportOfA;
    if (!fromA) throw new Error('app A left no export behind');
    expect(fromA.body.length).toBeGreaterThan(20);
    expect((await b.http.get(EXPORT).expect(200)).body).toEqual([]);
    const imported = await b.http.post(IMPORT).send(fromA.body).expect(200);
    expect(imported.body).toEqual({ received: fromA.body.length, created: fromA.body.length, updated: 0, unchanged: 0 });
    const fromB = await b.http.get(EXPORT).expect(200);
    expect(fromB.body).toEqual(fromA.body);
    expect(fromB.text).toBe(fromA.text);
  });

  it('imports the ~6,100 demo members in one request', async () => {
    const demo = loadGeoNamesProfiles(DEMO_SEED);
    expect(demo.length).toBeGreaterThan(6000);
    const [{ count: before }] = await b.dataSource.query('SELECT count(*)::int AS count FROM members');

    const response = await b.http.post(IMPORT).send(demo).expect(200);
    expect(response.body).toEqual({ received: demo.length, created: demo.length, updated: 0, unchanged: 0 });
    const [{ count: after }] = await b.dataSource.query('SELECT count(*)::int AS count FROM members');
    expect(after).toBe(before + demo.length);

    const surabaya = await b.http.get('/api/v1/members').query({ country: 'ID', q: 'Surabaya' }).expect(200);
    expect(surabaya.body.items).toContainEqual(
      expect.objectContaining({ name: 'Surabaya', country: 'ID', subregion: 'South-Eastern Asia', synthetic: true, status: 'active' }),
    );
    for (const [name, country, subregion] of [
      ['Suva', 'FJ', 'Melanesia'],
      ['Apia', 'WS', 'Polynesia'],
      ['Almaty', 'KZ', 'Central Asia'],
      ['Auckland', 'NZ', 'Australia and New Zealand'],
      ['Kathmandu', 'NP', 'Southern Asia'],
    ]) {
      const found = await b.http.get('/api/v1/members').query({ country, q: name }).expect(200);
      expect(found.body.items).toContainEqual(expect.objectContaining({ name, country, subregion }));
    }
  }, 60_000);

  // The embedded stack runs the same import code on PGlite, where 50,000 members take about a minute;
  // the size limit itself is covered there by the validation tests' larger-than-BODY_LIMIT_MB import.
  if (TEST_STACK === 'services') {
    it('accepts 50,000 members in one request', async () => {
      const records = loadGeoNamesProfiles({ minPopulation: 1000, region: 'world' }).slice(0, 50_000);
      expect(records).toHaveLength(50_000);
      const [{ count: before }] = await b.dataSource.query('SELECT count(*)::int AS count FROM members');

      const response = await b.http.post(IMPORT).send(records).expect(200);
      const { received, created, updated, unchanged } = response.body;
      expect(received).toBe(50_000);
      expect(created + updated + unchanged).toBe(50_000);
      const [{ count: after }] = await b.dataSource.query('SELECT count(*)::int AS count FROM members');
      expect(after).toBe(before + created);
      const [{ count: stored }] = await b.dataSource.query('SELECT count(*)::int AS count FROM members WHERE id = ANY($1)', [
        records.map((record) => record.id),
      ]);
      expect(stored).toBe(50_000);
    }, 180_000);
  }
});
