import { hostname, userInfo } from 'node:os';
import { cliAuditEntry, runAudited } from '../../src/cli/cli-audit';
import { MembersImportService } from '../../src/members';
import { memberRecord } from '../support/member-factory';
import { startTestApp, type TestApp } from '../support/test-app';

describe('command-line writes reach the audit log with the OS user and the command', () => {
  let t: TestApp;
  const argv = ['node', '/srv/citymatch/dist/src/cli/import.js', 'members.json'];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const importAs = (records: unknown) => () =>
    t.app
      .get(MembersImportService)
      .import(records)
      .then(
        () => 0,
        () => 1,
      );

  it('names the command line and the operating-system user', () => {
    expect(cliAuditEntry('member', argv)).toMatchObject({
      role: 'cli',
      method: 'CLI',
      route: 'import members.json',
      clientAddress: `${userInfo().username}@${hostname()}`,
    });
  });

  it('an import from the command line is in GET /api/v1/audit, with its outcome; a refused one too', async () => {
    const good = memberRecord();
    expect(await runAudited(t.app, 'member', importAs([good]))).toBe(0);
    expect(await runAudited(t.app, 'member', importAs([{ ...memberRecord(), population: 0 }]))).toBe(1);
    const { items } = (await t.http.get('/api/v1/audit').query({ entity: 'member' }).expect(200)).body;
    const cli = items.filter((item: { method: string }) => item.method === 'CLI');
    expect(cli.map((item: { outcome: string }) => item.outcome)).toEqual(['rejected', 'succeeded']);
    for (const item of cli) {
      expect(item).toMatchObject({ role: 'cli', clientAddress: `${userInfo().username}@${hostname()}`, tokenId: null });
      expect(item.route).toBe(cliAuditEntry('member').route);
    }
  });
});
