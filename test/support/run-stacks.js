#!/usr/bin/env node
/**
 * `npm test`: the whole suite on the embedded stack, then the application tests again on
 * PostgreSQL + Redis when TEST_DATABASE_URL and TEST_REDIS_URL are set. A test skipped on the
 * services stack fails the run. Extra arguments go to jest (e.g. a path filter).
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const extraArgs = process.argv.slice(2);
const jestBin = require.resolve('jest/bin/jest');
const reportDir = mkdtempSync(join(tmpdir(), 'citymatch-jest-'));

function runJest(stack, args) {
  const outputFile = join(reportDir, `${stack}.json`);
  console.log(`\n=== CityMatch tests on the ${stack} stack ===\n`);
  const result = spawnSync(process.execPath, [jestBin, '--json', `--outputFile=${outputFile}`, '--maxWorkers=3', ...extraArgs, ...args], {
    stdio: 'inherit',
    env: {
      ...process.env,
      CITYMATCH_TEST_STACK: stack,
      // PGlite loads Node built-ins with dynamic import(), which jest's module sandbox allows only with this flag.
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--no-warnings=ExperimentalWarning'].filter(Boolean).join(' '),
    },
  });
  let report = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numTotalTests: 0 };
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    // jest crashed before writing its report; its exit status says so
  }
  return { stack, status: result.status ?? 1, report };
}

const runs = [runJest('embedded', [])];
const servicesConfigured = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
if (servicesConfigured) {
  // Suites about the embedded stack's own parts start it themselves whatever the test stack: once is enough.
  const embeddedOnly = [
    '/node_modules/',
    'src/database/embedded/',
    'test/e2e/first-start-seed',
    'test/e2e/embedded-data-dir-lock',
    'test/e2e/request-log',
  ];
  // Suites that read no data (the static web app, the OpenAPI document against the web app's types) say the same on both.
  const stackFree = ['test/e2e/web-app-serving', 'test/e2e/web-api-types'];
  runs.push(
    runJest('services', ['--selectProjects=app', ...[...embeddedOnly, ...stackFree].map((path) => `--testPathIgnorePatterns=${path}`)]),
  );
} else {
  console.log('\nTEST_DATABASE_URL and TEST_REDIS_URL are not set: the services stack was not tested.');
}

let failed = false;
for (const { stack, status, report } of runs) {
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(`${stack}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
  if (status !== 0 || report.numTotalTests === 0) failed = true;
  if (stack === 'services' && skipped > 0) {
    console.log('services: tests may not be skipped on the services stack');
    failed = true;
  }
}
const passed = runs.reduce((sum, run) => sum + run.report.numPassedTests, 0);
const failures = runs.reduce((sum, run) => sum + run.report.numFailedTests, 0);
console.log(`${passed} passed, ${failures} failed`);
process.exit(failed ? 1 : 0);
