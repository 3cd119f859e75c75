import type { Response, Test } from 'supertest';
import type { MemberRecord } from '../../src/members/member-record';
import { databaseSnapshot, memberRecord } from '../support/member-factory';
import { startTestApp, type TestApp } from '../support/test-app';

const MEMBERS = '/api/v1/members';
const MB = 1024 * 1024;

/** A change to a valid body; a function receives the id of the member being written (for self-references). */
type Change = Record<string, unknown> | ((selfId: string) => Record<string, unknown>);

/** Rules that apply alike to a new member and to a change of one: [what is wrong, change, field named]. */
const FIELD_RULES: Array<[string, Change, string]> = [
  ['an unknown top-level field', { nickname: 'City of Love' }, 'nickname'],
  ['an unknown field in contact', { contact: { name: 'Office', phone: '+63 33 000' } }, 'contact.phone'],
  ['name as a number', { name: 42 }, 'name'],
  ['an empty name', { name: '' }, 'name'],
  ['population as a string', { population: '450000' }, 'population'],
  ['languages not an array', { languages: 'eng' }, 'languages'],
  ['needs as an array', { needs: ['climate-change'] }, 'needs'],
  ['offers as a string', { offers: 'culture' }, 'offers'],
  ['lat as a string', { lat: '10.5' }, 'lat'],
  ['lat 91', { lat: 91 }, 'lat'],
  ['lon -181', { lon: -181 }, 'lon'],
  ['population 0', { population: 0 }, 'population'],
  ['population 1.5', { population: 1.5 }, 'population'],
  ['need level 4', { needs: { 'climate-change': 4 } }, 'needs'],
  ['need level 0', { needs: { 'climate-change': 0 } }, 'needs'],
  ['offer level 2.5', { offers: { culture: 2.5 } }, 'offers'],
  ['country "XX"', { country: 'XX' }, 'country'],
  ['country in lower case "id"', { country: 'id' }, 'country'],
  ['a two-letter language "en"', { languages: ['en'] }, 'languages'],
  ['an unknown language "xxx"', { languages: ['eng', 'xxx'] }, 'languages'],
  ['an empty language list', { languages: [] }, 'languages'],
  ['a repeated language', { languages: ['eng', 'eng'] }, 'languages'],
  ['an unknown theme in needs', { needs: { 'space-travel': 2 } }, 'needs.space-travel'],
  ['an unknown theme in offers', { offers: { culture: 1, 'space-travel': 2 } }, 'offers.space-travel'],
  ['level "village"', { level: 'village' }, 'level'],
  ['status "paused"', { status: 'paused' }, 'status'],
  ['a contact email that is not an address', { contact: { name: 'Office', email: 'not-an-email' } }, 'contact.email'],
  ['contact as a string', { contact: 'office@example.org' }, 'contact'],
  ['synthetic as a string', { synthetic: 'yes' }, 'synthetic'],
  ['a partner id of a bad format', { partners: ['not an id!'] }, 'partners'],
  ['a partner listed twice', { partners: ['existing-b', 'existing-b'] }, 'partners'],
  ['an unknown partner', { partners: ['existing-b', 'nobody'] }, 'partners[1]'],
  ['itself as a partner', (selfId) => ({ partners: [selfId] }), 'partners[0]'],
  ['an unknown dismissed member', { dismissed: ['nobody'] }, 'dismissed[0]'],
  ['itself as dismissed', (selfId) => ({ dismissed: ['existing-b', selfId] }), 'dismissed[1]'],
];

/** Rules of a new member only. */
const CREATE_RULES: Array<[string, Change, string]> = [
  ['an id with a space', { id: 'has space' }, 'id'],
  ['an id starting with "-"', { id: '-leading-dash' }, 'id'],
  ['an id of 65 characters', { id: 'a'.repeat(65) }, 'id'],
  ['an id as a number', { id: 7 }, 'id'],
  ['a missing name', { name: undefined }, 'name'],
  ['a missing country', { country: undefined }, 'country'],
  ['a missing needs map', { needs: undefined }, 'needs'],
];

/** Rules of a change only. */
const UPDATE_RULES: Array<[string, Change, string]> = [
  ['an id (ids cannot change)', { id: 'renamed' }, 'id'],
  ['version as a string', { version: '1' }, 'version'],
  ['version 0', { version: 0 }, 'version'],
];

/** A change cannot clear what every member must have (contact, being optional, may be cleared with null). */
const REQUIRED_ON_UPDATE = ['name', 'country', 'lat', 'population', 'languages', 'level', 'status', 'needs', 'partners', 'synthetic'];

/** Malformed or non-object bodies: [what is sent, raw JSON text]. */
const BAD_BODIES: Array<[string, string]> = [
  ['a JSON array', '[{"name":"Suva"}]'],
  ['a JSON string', '"Suva"'],
  ['a JSON number', '42'],
  ['JSON null', 'null'],
];

const LIST_QUERY_RULES: Array<[string, Record<string, string>, string]> = [
  ['limit 0', { limit: '0' }, 'limit'],
  ['limit 501', { limit: '501' }, 'limit'],
  ['limit "ten"', { limit: 'ten' }, 'limit'],
  ['limit 1.5', { limit: '1.5' }, 'limit'],
  ['offset -1', { offset: '-1' }, 'offset'],
  ['status "bogus"', { status: 'bogus' }, 'status'],
  ['country "xx"', { country: 'xx' }, 'country'],
  ['needs that is not a slug', { needs: 'Climate Change' }, 'needs'],
  ['an unknown query parameter', { sort: 'name' }, 'sort'],
];

function apply(change: Change, selfId: string): Record<string, unknown> {
  return typeof change === 'function' ? change(selfId) : change;
}

/** The common error body and nothing else: no stack, no internals. */
function expectErrorBody(response: Response, statusCode: number): void {
  expect(response.status).toBe(statusCode);
  expect(response.body).toEqual({ statusCode, error: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  expect(JSON.stringify(response.body)).not.toMatch(/\bat .+:\d+:\d+/);
}

describe('member registry: every rejected input is a 400 naming the field, and writes nothing', () => {
  let t: TestApp;
  let target: MemberRecord;

  /** Sends a request and proves it was refused with `statusCode`, named `fields`, and left the database as it was. */
  async function expectRejected(send: () => Test, statusCode: number, fields: string[] = []): Promise<Response> {
    const before = await databaseSnapshot(t.dataSource);
    const response = await send();
    expectErrorBody(response, statusCode);
    for (const field of fields) {
      expect(response.body.details).toContainEqual(expect.objectContaining({ field, message: expect.any(String) }));
    }
    expect(await databaseSnapshot(t.dataSource)).toEqual(before);
    return response;
  }

  beforeAll(async () => {
    // One app for the whole file, with a 1 MB body limit so the 413 can be shown with a small body.
    t = await startTestApp({ BODY_LIMIT_MB: '1' });
    target = memberRecord({ id: 'existing-a', partners: [] });
    await t.http.post(MEMBERS).send(target).expect(201);
    await t.http
      .post(MEMBERS)
      .send(memberRecord({ id: 'existing-b' }))
      .expect(201);
  });
  afterAll(() => t?.close());

  describe('POST /members', () => {
    test.each([...FIELD_RULES, ...CREATE_RULES])('refuses %s, naming the field', async (_case, change, field) => {
      const record = memberRecord();
      const body = { ...record, ...apply(change, record.id) };
      await expectRejected(() => t.http.post(MEMBERS).send(body), 400, [field]);
      await t.http.get(`${MEMBERS}/${record.id}`).expect(404);
    });

    it('names every bad field of one body at once', async () => {
      const body = { ...memberRecord(), country: 'XX', lat: 91, population: 0, languages: ['en'], colour: 'blue' };
      await expectRejected(() => t.http.post(MEMBERS).send(body), 400, ['country', 'lat', 'population', 'languages', 'colour']);
    });

    it('refuses malformed JSON with the common error body', async () => {
      const response = await expectRejected(
        () => t.http.post(MEMBERS).set('Content-Type', 'application/json').send('{"name": "Suva",'),
        400,
      );
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/JSON/), details: [] });
    });

    test.each(BAD_BODIES)('refuses %s as the body', async (_case, raw) => {
      const response = await expectRejected(() => t.http.post(MEMBERS).set('Content-Type', 'application/json').send(raw), 400);
      expect(response.body.details.length).toBeGreaterThan(0);
    });
  });

  describe('PATCH /members/:id', () => {
    test.each([...FIELD_RULES, ...UPDATE_RULES])('refuses %s, naming the field', async (_case, change, field) => {
      const body = { version: 1, ...apply(change, target.id) };
      await expectRejected(() => t.http.patch(`${MEMBERS}/${target.id}`).send(body), 400, [field]);
    });

    test.each(REQUIRED_ON_UPDATE)('refuses null for %s, naming the field', async (field) => {
      const body = { version: 1, [field]: null };
      await expectRejected(() => t.http.patch(`${MEMBERS}/${target.id}`).send(body), 400, [field]);
    });

    it('refuses malformed JSON with the common error body', async () => {
      const response = await expectRejected(
        () => t.http.patch(`${MEMBERS}/${target.id}`).set('Content-Type', 'application/json').send('{"version": 1, name: "x"}'),
        400,
      );
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/JSON/), details: [] });
    });

    test.each(BAD_BODIES)('refuses %s as the body', async (_case, raw) => {
      const response = await expectRejected(
        () => t.http.patch(`${MEMBERS}/${target.id}`).set('Content-Type', 'application/json').send(raw),
        400,
      );
      expect(response.body.details.length).toBeGreaterThan(0);
    });

    it('still accepts a valid change after all the refusals', async () => {
      const response = await t.http.patch(`${MEMBERS}/${target.id}`).send({ version: 1, population: 460_000 }).expect(200);
      expect(response.body).toMatchObject({ id: target.id, population: 460_000, version: 2 });
    });
  });

  describe('GET /members query', () => {
    test.each(LIST_QUERY_RULES)('refuses %s, naming the parameter', async (_case, query, field) => {
      await expectRejected(() => t.http.get(MEMBERS).query(query), 400, [field]);
    });
  });

  describe('body size', () => {
    it('answers 413 with the common error body to a body over BODY_LIMIT_MB', async () => {
      const body = { ...memberRecord(), name: 'x'.repeat(1.5 * MB) };
      const response = await expectRejected(() => t.http.post(MEMBERS).send(body), 413);
      expect(response.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: expect.any(String), details: [] });
    });

    it('answers 413 to a change over BODY_LIMIT_MB', async () => {
      const body = { version: 2, name: 'x'.repeat(1.5 * MB) };
      await expectRejected(() => t.http.patch(`${MEMBERS}/${target.id}`).send(body), 413);
    });

    it('lets the import route take a body larger than BODY_LIMIT_MB', async () => {
      const records = Array.from({ length: 4000 }, (_, i) => memberRecord({ id: `bulk-${i}`, name: `Bulk City ${i}` }));
      const body = JSON.stringify(records);
      expect(body.length).toBeGreaterThan(1.2 * MB);
      const response = await t.http.post(`${MEMBERS}/import`).set('Content-Type', 'application/json').send(body).expect(200);
      expect(response.body).toEqual({ received: 4000, created: 4000, updated: 0, unchanged: 0 });
    });
  });
});
