import { MAX_LISTED_ERRORS } from '../../src/members/import/validate-member-records';
import { databaseSnapshot, memberRecord } from '../support/member-factory';
import { startTestApp, type TestApp } from '../support/test-app';

const IMPORT = '/api/v1/members/import';

describe('member import: a refused import answers with a bounded list of problems', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it(`lists the first ${MAX_LISTED_ERRORS} problems of 100,000 empty records, says checking stopped, and imports nothing`, async () => {
    const before = await databaseSnapshot(t.dataSource);
    const records = Array.from({ length: 100_000 }, () => ({}));
    const response = await t.http.post(IMPORT).send(records).expect(400);
    expect(response.body.details).toHaveLength(MAX_LISTED_ERRORS);
    expect(response.body).toMatchObject({ errorCount: MAX_LISTED_ERRORS, complete: false, receivedRecords: 100_000 });
    expect(response.body.checkedRecords).toBeLessThan(100);
    expect(response.body.message).toMatch(/checking stopped/);
    expect(JSON.stringify(response.body).length).toBeLessThan(50_000);
    expect(await databaseSnapshot(t.dataSource)).toEqual(before);
  });

  it('lists every problem, in record order, when there are fewer than the cap', async () => {
    const records = Array.from({ length: 2_000 }, () => memberRecord());
    records[1_500].population = 0;
    records[10].country = 'XX';
    const response = await t.http.post(IMPORT).send(records).expect(400);
    expect(response.body.details).toEqual([
      { index: 10, field: 'country', message: expect.any(String) },
      { index: 1_500, field: 'population', message: 'population must be at least 1 (got 0)' },
    ]);
    expect(response.body).toMatchObject({ errorCount: 2, complete: true, checkedRecords: 2_000 });
  });
});
