import type { Response, Test } from 'supertest';
import { MAX_INPUT_DEPTH } from '../../src/http/unsafe-input';
import { databaseSnapshot, memberRecord } from '../support/member-factory';
import { startTestApp, type TestApp } from '../support/test-app';

const MEMBERS = '/api/v1/members';

/** A JSON text nested `depth` levels deep inside `field` (built as text: JSON.stringify would overflow too). */
function deeplyNested(field: string, depth: number): string {
  return `{"${field}":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
}

describe('hostile input: a 400 naming the field, nothing written, and the refused write audited', () => {
  let t: TestApp;
  const existing = memberRecord({ id: 'hostile-a', name: 'Iloilo' });
  const other = memberRecord({ id: 'hostile-b', name: 'Suva', country: 'FJ' });

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post(`${MEMBERS}/import`).send([existing, other]).expect(200);
  });
  afterAll(() => t?.close());

  async function auditRows(): Promise<Array<Record<string, unknown>>> {
    return t.dataSource.query(`SELECT method, route, entity_id, outcome, status_code, token_id FROM audit_log ORDER BY id`);
  }

  /** Waits until the audit row written after the response has appeared. */
  async function newAuditRows(before: number): Promise<Array<Record<string, unknown>>> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const rows = await auditRows();
      if (rows.length > before) return rows.slice(before);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return [];
  }

  async function expectRefused(send: () => Test, field: string, status = 400): Promise<Response> {
    const before = await databaseSnapshot(t.dataSource);
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
    if (status === 400) expect(response.body.details).toContainEqual({ field, message: expect.any(String) });
    expect(await databaseSnapshot(t.dataSource)).toEqual(before);
    return response;
  }

  it.each([
    ['q', '?q=%00'],
    ['subregion', '?subregion=%00'],
    ['q', '?q=Ilo%00ilo&limit=5'],
  ])('GET /members with a NUL byte in %s (%s) is a 400 naming it', (field, query) =>
    expectRefused(() => t.http.get(`${MEMBERS}${query}`), field),
  );

  it.each([
    ['entity', { entity: 'a\u0000b' }],
    ['entityId', { entityId: '\u0000' }],
  ])('GET /audit with a NUL byte in %s is a 400 naming it', (field, query) =>
    expectRefused(() => t.http.get('/api/v1/audit').query(query), field),
  );

  it.each([
    [MEMBERS, '99999999999999999999'],
    [MEMBERS, '1e308'],
    ['/api/v1/audit', '99999999999999999999'],
    ['/api/v1/audit', '1e308'],
  ])('GET %s?offset=%s is a 400 naming offset', (path, offset) => expectRefused(() => t.http.get(path).query({ offset }), 'offset'));

  it('GET /members/a%00b is a 400 naming id', () => expectRefused(() => t.http.get(`${MEMBERS}/a%00b`), 'id'));

  describe.each([
    ['PATCH /members/a%00b', () => t.http.patch(`${MEMBERS}/a%00b`).send({ name: 'X', version: 1 }), 'id', 'a\\u0000b'],
    ['DELETE /members/a%00b', () => t.http.delete(`${MEMBERS}/a%00b`), 'id', 'a\\u0000b'],
    ['POST /members/%00/dismissals', () => t.http.post(`${MEMBERS}/%00/dismissals`).send({ candidateId: other.id }), 'id', '\\u0000'],
    [
      'POST /members with a NUL in name',
      () => t.http.post(MEMBERS).send(memberRecord({ id: 'nul', name: 'Nul\u0000City' })),
      'name',
      'nul',
    ],
    [
      'POST /members with a lone surrogate in name',
      () => t.http.post(MEMBERS).send(memberRecord({ id: 'lone', name: 'x\ud800y' })),
      'name',
      'lone',
    ],
    [
      'PATCH /members/:id with a lone surrogate in contact.name',
      () => t.http.patch(`${MEMBERS}/${existing.id}`).send({ contact: { name: 'x\udc00' }, version: 1 }),
      'contact.name',
      existing.id,
    ],
  ])('%s', (_name, send, field, entityId) => {
    it('is a 400 naming the field, and the refusal is in the audit log', async () => {
      const before = (await auditRows()).length;
      await expectRefused(send as () => Test, field);
      const [row] = await newAuditRows(before);
      expect(row).toMatchObject({ outcome: 'rejected', status_code: 400, entity_id: entityId });
      expect(row.token_id).not.toBeNull();
    });
  });

  it("a city official's PATCH /members/<id>%00 is a 403 that leaves an audit row", async () => {
    const official = await t.issueToken('city_official', existing.id);
    const before = (await auditRows()).length;
    await expectRefused(() => t.as(official).patch(`${MEMBERS}/${existing.id}%00`).send({ name: 'X', version: 1 }), 'id', 403);
    const [row] = await newAuditRows(before);
    expect(row).toMatchObject({ outcome: 'denied', status_code: 403, entity_id: `${existing.id}\\u0000` });
  });

  it('an import with one NUL-byte name among 20,000 records is a 400 naming that record', async () => {
    const records = Array.from({ length: 20_000 }, (_, index) => memberRecord({ id: `bulk-${index}` }));
    records[12_345].name = 'Nul\u0000City';
    const response = await expectRefused(() => t.http.post(`${MEMBERS}/import`).send(records), '[12345].name');
    expect(response.body.message).toMatch(/NUL/);
  });

  describe.each([
    ['POST /members', () => t.http.post(MEMBERS)],
    ['PATCH /members/:id', () => t.http.patch(`${MEMBERS}/${existing.id}`)],
    ['PUT /matching/weights', () => t.http.put('/api/v1/matching/weights')],
  ])('%s with JSON nested 10,000 deep', (_name, start) => {
    it(`is a 400 saying it is nested deeper than ${MAX_INPUT_DEPTH} levels`, async () => {
      const response = await expectRefused(
        () => start().set('content-type', 'application/json').send(deeplyNested('name', 10_000)),
        'name[0][0]',
      );
      expect(response.body.message).toMatch(/nested deeper/);
    });
  });

  it('a refused name with a lone surrogate is not stored as U+FFFD either', async () => {
    const list = await t.http.get(MEMBERS).query({ limit: 500 }).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('\uFFFD');
  });
});
