import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort } from './free-port';

export interface PrivateRedis {
  url: string;
  /** A client of its own, for FLUSHALL and inspection (not usable while frozen). */
  client: Redis;
  /** SIGSTOP: the connection stays open and nothing answers, as in a stuck failover or a partition. */
  freeze(): void;
  /** SIGCONT: it answers again, everything sent meanwhile included. */
  thaw(): void;
  stop(): Promise<void>;
}

/**
 * A throwaway redis-server on a free loopback port, without persistence: fault tests freeze or
 * flush it, and the shared Redis on 6379 that other test files use is never touched.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'citymatch-redis-'));
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    cwd: dir,
    stdio: 'ignore',
  });
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
  client.on('error', () => undefined);
  await waitForPing(server, client);
  let frozen = false;
  return {
    url: `redis://127.0.0.1:${port}`,
    client,
    freeze: () => {
      frozen = true;
      server.kill('SIGSTOP');
    },
    thaw: () => {
      frozen = false;
      server.kill('SIGCONT');
    },
    stop: async () => {
      client.disconnect();
      if (server.exitCode === null && server.signalCode === null) {
        if (frozen) server.kill('SIGCONT');
        server.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPing(server: ChildProcess, client: Redis): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error('redis-server exited at start');
    try {
      if (client.status === 'wait' || client.status === 'end') await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('redis-server did not answer within 10 s');
    await new Promise((done) => setTimeout(done, 50));
  }
}
