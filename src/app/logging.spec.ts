import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config';
import { createLogger, PinoNestLogger } from './logging';

describe('log output', () => {
  const config = { logLevel: 'info' } as AppConfig;
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'citymatch-log-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** What one info line looks like on an output that is (or is not) a terminal. */
  function logOnce(isTTY: boolean): string {
    const file = join(dir, `${isTTY}.log`);
    const fd = openSync(file, 'w');
    try {
      createLogger(config, { isTTY, fd }).info({ status: 200 }, 'GET /api/v1/members 200 3 ms');
    } finally {
      closeSync(fd);
    }
    return readFileSync(file, 'utf8');
  }

  it('is readable text in a terminal', () => {
    const text = logOnce(true);
    expect(text).toMatch(/INFO.*GET \/api\/v1\/members 200 3 ms/);
    expect(text.trim().startsWith('{')).toBe(false);
  });

  it('is one JSON object per line otherwise', () => {
    expect(JSON.parse(logOnce(false))).toMatchObject({ level: 30, status: 200, msg: 'GET /api/v1/members 200 3 ms' });
  });

  it("carries Nest's context as a field and an error's stack", () => {
    const file = join(dir, 'nest.log');
    const fd = openSync(file, 'w');
    try {
      const logger = new PinoNestLogger(createLogger(config, { isTTY: false, fd }));
      logger.log('Nest application successfully started', 'NestApplication');
      logger.error('the job failed', 'Error: boom\n    at run (job.ts:1:1)', 'JobWorker');
    } finally {
      closeSync(fd);
    }
    const [started, failed] = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(started).toMatchObject({ level: 30, context: 'NestApplication', msg: 'Nest application successfully started' });
    expect(failed).toMatchObject({ level: 50, context: 'JobWorker', msg: 'the job failed', stack: expect.stringContaining('at run') });
  });
});
