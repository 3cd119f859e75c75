import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { AppConfig } from '../config';
import { loggerOptions } from './logging';

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
      const [options, stream] = loggerOptions(config, { isTTY, fd });
      pino({ level: options.level as string }, stream).info({ status: 200 }, 'GET /api/v1/members 200 3 ms');
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
});
