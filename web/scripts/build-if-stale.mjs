#!/usr/bin/env node
/**
 * Before `npm start`: builds the web app when its build is missing or older than its sources,
 * so the server never serves a page that lags behind the code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = join(webDir, 'dist', 'index.html');
const SOURCES = ['src', 'public', 'index.html', 'vite.config.mts', 'package.json'];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const sourcesChangedAt = Math.max(...SOURCES.map((source) => newestChange(join(webDir, source))));
if (builtAt >= sourcesChangedAt) process.exit(0);

console.log(builtAt === 0 ? 'Building the web app (first start)…' : 'The web app changed since its last build: rebuilding…');
const result = spawnSync('npm', ['run', 'build'], { cwd: webDir, stdio: 'inherit' });
process.exit(result.status ?? 1);
