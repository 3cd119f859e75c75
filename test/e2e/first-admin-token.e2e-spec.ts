import { FirstAdminToken } from '../../src/auth/tokens/first-admin-token';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_STACK } from '../support/test-stack';

describe('the first admin token', () => {
  let t: TestApp;
  let printed: string;

  beforeAll(async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      t = await startTestApp({ FIRST_ADMIN_TOKEN: 'auto' });
      t.app.get(FirstAdminToken).print(); // as the entry does once it listens
      printed = write.mock.calls.map(([chunk]) => String(chunk)).join('');
    } finally {
      write.mockRestore();
    }
  });
  afterAll(() => t?.close());

  const secretsIn = (text: string) => text.match(/cm_[A-Za-z0-9_-]{43}/g) ?? [];

  if (TEST_STACK === 'embedded') {
    it('is printed on the embedded stack’s first start and works', async () => {
      const [secret] = secretsIn(printed);
      expect(secret).toBeDefined();
      await t.as(secret!).post('/api/v1/tokens').send({ label: 'second admin', role: 'admin' }).expect(201);
    });

    it('is not printed again once a token exists', async () => {
      const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
      try {
        await t.app.get(FirstAdminToken).onApplicationBootstrap();
        t.app.get(FirstAdminToken).print();
        expect(secretsIn(write.mock.calls.map(([chunk]) => String(chunk)).join(''))).toEqual([]);
      } finally {
        write.mockRestore();
      }
    });
  } else {
    it('is never made on the services stack: the first token comes from npm run token:create', async () => {
      expect(secretsIn(printed)).toEqual([]);
      const rows = await t.dataSource.query(`SELECT label FROM api_tokens WHERE label LIKE 'first admin%'`);
      expect(rows).toEqual([]);
    });
  }
});
