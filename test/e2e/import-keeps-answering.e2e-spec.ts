import { MembersImportService } from '../../src/members';
import { databaseSnapshot, memberRecord } from '../support/member-factory';
import { settle } from '../support/settle';
import { startTestApp, type TestApp } from '../support/test-app';

const IMPORT = '/api/v1/members/import';

describe('a large member import is read and checked while other requests are answered', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers a request sent during the import before the import, which then answers as before', async () => {
    // 20,000 records (about 7 MB) checked to the last one, which is wrong: nothing is written.
    const records: Array<Record<string, unknown>> = Array.from({ length: 20_000 }, () => ({ ...memberRecord() }));
    records[records.length - 1].population = 0;
    const before = await databaseSnapshot(t.dataSource);
    const importer = t.app.get(MembersImportService);
    const events: string[] = [];
    const check = importer.import.bind(importer);
    const spy = jest.spyOn(importer, 'import').mockImplementation((body) => {
      events.push('import read, checking');
      return check(body);
    });

    let importing = true;
    const imported = t.http
      .post(IMPORT)
      .send(records)
      .then((response) => {
        importing = false;
        events.push('import answered');
        return response;
      });
    const probes = (async () => {
      while (importing) {
        await t.http.get('/api/v1/themes').expect(200);
        if (importing) events.push('other request answered');
      }
    })();
    const response = await imported;
    await probes;
    spy.mockRestore();

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errorCount: 1, complete: true, checkedRecords: 20_000, receivedRecords: 20_000 });
    expect(response.body.details).toEqual([{ index: 19_999, field: 'population', message: 'population must be at least 1 (got 0)' }]);
    expect(await databaseSnapshot(t.dataSource)).toEqual(before);
    const checking = events.indexOf('import read, checking');
    expect(checking).toBeGreaterThanOrEqual(0);
    expect(events.slice(checking, events.indexOf('import answered'))).toContain('other request answered');
  });

  it('imports a large batch read in slices exactly as a small one', async () => {
    const records = Array.from({ length: 1_500 }, () => memberRecord());
    const body = JSON.stringify(records);
    expect(body.length).toBeGreaterThan(256 * 1024); // above the size parsed in slices

    const response = await t.http.post(IMPORT).set('content-type', 'application/json').send(body).expect(200);

    expect(response.body).toEqual({ received: 1_500, created: 1_500, updated: 0, unchanged: 0 });
    const exported: Array<{ id: string; name: string }> = (await t.http.get('/api/v1/members/export').expect(200)).body;
    const byId = new Map(exported.map((record) => [record.id, record]));
    expect(records.every((record) => byId.get(record.id)?.name === record.name)).toBe(true);
    await settle(t);
  });

  it('refuses a large body that is not valid JSON with the same answer as a small one', async () => {
    const large = `${JSON.stringify(Array.from({ length: 1_500 }, () => memberRecord()))}]`;
    const small = '[{"id": "a"}]]';

    const largeAnswer = await t.http.post(IMPORT).set('content-type', 'application/json').send(large).expect(400);
    const smallAnswer = await t.http.post(IMPORT).set('content-type', 'application/json').send(small).expect(400);

    expect(largeAnswer.body).toEqual(smallAnswer.body);
    expect(largeAnswer.body.message).toMatch(/not valid JSON/);
  });
});
