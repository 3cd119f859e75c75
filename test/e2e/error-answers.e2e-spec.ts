import { memberRecord } from '../support/member-factory';
import { startTestApp, type TestApp } from '../support/test-app';

const MEMBERS = '/api/v1/members';
const ERROR_BODY = { statusCode: expect.any(Number), error: expect.any(String), message: expect.any(String), details: expect.any(Array) };

describe('error answers: one body for every status, and messages about the value given', () => {
  let t: TestApp;
  const member = memberRecord({ id: 'errors-a' });

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post(MEMBERS).send(member).expect(201);
  });
  afterAll(() => t?.close());

  it.each([
    ['a 400', () => t.http.get(MEMBERS).query({ limit: 0 }), 400],
    ['a 401', () => t.anonymous.get(MEMBERS), 401],
    ['a 404 for an unknown member', () => t.http.get(`${MEMBERS}/nobody`), 404],
    ['a 404 for an unknown route', () => t.http.get('/api/v1/nowhere'), 404],
    ['a 409 for an existing id', () => t.http.post(MEMBERS).send(member), 409],
  ])('%s has statusCode, error, message and a details list', async (_name, send, status) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject(ERROR_BODY);
  });

  it('a 409 on a stale version names the field in details and gives currentVersion beside it', async () => {
    const response = await t.http.patch(`${MEMBERS}/${member.id}`).send({ version: 7, population: 5 }).expect(409);
    expect(response.body).toEqual({ ...ERROR_BODY, statusCode: 409, currentVersion: 1 });
    expect(response.body.details).toEqual([{ field: 'version', message: expect.stringContaining('current version 1') }]);
  });

  it.each([
    [
      'minPopulation=abc',
      `${MEMBERS}/${member.id}/suggestions?minPopulation=abc`,
      'minPopulation',
      'minPopulation must be a whole number (got "abc")',
    ],
    ['minPopulation=0', `${MEMBERS}/${member.id}/suggestions?minPopulation=0`, 'minPopulation', 'minPopulation must be at least 1 (got 0)'],
    ['limit=ten', `${MEMBERS}?limit=ten`, 'limit', 'limit must be a whole number (got "ten")'],
    ['limit=501', `${MEMBERS}?limit=501`, 'limit', 'limit must be at most 500 (got 501)'],
  ])('%s says what was wrong with the value', async (_name, path, field, message) => {
    const response = await t.http.get(path).expect(400);
    expect(response.body.details).toEqual([{ field, message }]);
  });

  it.each([
    ['lat: 100', { lat: 100 }, 'lat', 'lat must be a latitude between -90 and 90 (got 100)'],
    ['lon: -181', { lon: -181 }, 'lon', 'lon must be a longitude between -180 and 180 (got -181)'],
    ['population: "many"', { population: 'many' }, 'population', 'population must be a whole number (got "many")'],
  ])('a body with %s says what was wrong with the value', async (_name, change, field, message) => {
    const response = await t.http
      .post(MEMBERS)
      .send({ ...memberRecord(), ...change })
      .expect(400);
    expect(response.body.details).toContainEqual({ field, message });
  });

  describe('the OpenAPI document', () => {
    let document: {
      paths: Record<
        string,
        Record<string, { summary?: string; security?: unknown[]; responses: Record<string, { description: string; content?: unknown }> }>
      >;
      components: { securitySchemes: Record<string, { bearerFormat?: string }>; schemas: Record<string, unknown> };
    };

    beforeAll(async () => {
      document = (await t.anonymous.get('/docs-json').expect(200)).body;
    });

    it('names the bearer scheme for what it is, not a JWT', () => {
      expect(JSON.stringify(document.components.securitySchemes)).not.toMatch(/JWT/);
    });

    it('gives every operation a summary, every response a description, and every error the error body', () => {
      const operations = Object.entries(document.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({ path, method, op })),
      );
      expect(operations.length).toBeGreaterThan(10);
      for (const { path, method, op } of operations) {
        expect(`${method} ${path}: ${op.summary ?? ''}`).toMatch(/: \S/);
        for (const [status, response] of Object.entries(op.responses)) {
          expect(`${method} ${path} ${status}: ${response.description}`).toMatch(/\d: \S/);
          if (Number(status) >= 400)
            expect(response.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } });
        }
        if (op.security?.length) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
      }
      expect(document.components.schemas.ErrorBody).toBeDefined();
    });
  });
});
