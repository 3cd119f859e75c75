#!/usr/bin/env node
/**
 * Builds the project only when a source file is newer than the built output, so that
 * commands run from dist/ (npm run match) start at once and still never run stale code.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const built = join(root, 'dist/src/cli-bundle/match.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// Without sources (the production image) the build is what it is.
if (!existsSync(join(root, 'src'))) process.exit(0);

let builtAt = 0;
try {
  builtAt = statSync(built).mtimeMs;
} catch {
  // not built yet
}
const sources = Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'libs')), statSync(join(root, 'package.json')).mtimeMs);
if (sources > builtAt) {
  // The server's build and the match command's bundle (see bundle-match.js); the web app is not needed here.
  for (const command of [
    ['npx', 'nest', 'build'],
    ['node', join(__dirname, 'bundle-match.js')],
  ]) {
    const result = spawnSync(command[0], command.slice(1), { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
