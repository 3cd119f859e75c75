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
  /** Killed and started again on the same port, empty: a restart without persistence. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A throwaway redis-server on a free loopback port, without persistence: fault tests freeze,
 * flush or restart it, and the shared Redis on 6379 that other test files use is never touched.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'citymatch-redis-'));
  const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
  client.on('error', () => undefined);
  const start = async () => {
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      cwd: dir,
      stdio: 'ignore',
    });
    await waitForPing(child, client);
    return child;
  };
  let server = await start();
  const kill = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGCONT'); // a frozen server must run to die
    server.kill('SIGKILL');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    client,
    freeze: () => server.kill('SIGSTOP'),
    thaw: () => server.kill('SIGCONT'),
    restart: async () => {
      await kill();
      server = await start();
    },
    stop: async () => {
      client.disconnect();
      await kill();
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
