/**
 * Jest global set-up: on the embedded stack, every test app starts its in-memory database from one
 * migrated copy made here, instead of creating (initdb) and migrating its own: that is several
 * seconds per app. The copy is made in a child process, so this process keeps none of PGlite's memory.
 */
const { execFileSync } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async function makeEmbeddedTemplate() {
  if (process.env.CITYMATCH_TEST_STACK === 'services' || process.env.CITYMATCH_TEST_PGLITE_TEMPLATE) return;
  const path = join(mkdtempSync(join(tmpdir(), 'citymatch-template-')), 'migrated.tar');
  execFileSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'make-embedded-template.ts'), path], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, '../../tsconfig.json') },
  });
  // Workers are started after the global set-up and inherit this environment.
  process.env.CITYMATCH_TEST_PGLITE_TEMPLATE = path;
};
