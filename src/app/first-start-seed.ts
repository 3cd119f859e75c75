import { spawn } from 'node:child_process';
import { extname, join } from 'node:path';
import type { AppConfig } from '../config';
import { hasEmbeddedDatabase } from '../database/embedded/initialise-data-dir';

/** The child's own one-line reason, passed on as the start's (see describeStartupError). */
export class FirstStartSeedError extends Error {
  override readonly name = 'FirstStartSeedError';
}

/**
 * A first start of the embedded stack creates its database and adds the demo members and people in
 * a short-lived child process; this process then opens the seeded database as a restart does. The
 * seed (135,000 GeoNames cities decoded, 6,000 members checked and written at once) grows the
 * JavaScript heap's young generation, PGlite's WebAssembly memory and the C allocator's arenas, and
 * none of them is handed back to the operating system: done in the API's own process it held about
 * 170 MB more at ready than a restart on the same data. The child's memory ends with it.
 * Nothing happens on PostgreSQL, in memory (DATA_DIR=memory), without demo data or on a later start;
 * the entry's own seeding then adds what is missing, as before.
 */
export async function seedNewDatabaseApart(config: AppConfig): Promise<void> {
  if (!config.seedDemoData || config.database.kind !== 'embedded' || config.database.dataDir === null) return;
  if (hasEmbeddedDatabase(config.database.dataDir)) return;
  const { file, execArgv } = childEntry();
  // The child reads the same environment, so the same configuration.
  const child = spawn(process.execPath, [...execArgv, file], { stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new FirstStartSeedError(lastLine(stderr) || `the first start's seed exited with ${code}`);
  if (stderr) process.stderr.write(stderr);
}

/** The child's script beside this file, started with this process's options (a debugger's port left out). */
function childEntry(): { file: string; execArgv: string[] } {
  const extension = extname(__filename);
  const file = join(__dirname, `first-start-seed.process${extension}`);
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--inspect'));
  const fromSource = extension === '.ts' && !execArgv.some((arg) => arg.includes('@swc-node/register'));
  return { file, execArgv: fromSource ? [...execArgv, '-r', '@swc-node/register'] : execArgv };
}

function lastLine(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines[lines.length - 1]?.trim() ?? '';
}
