/**
 * npm run bench:match-command [-- --rounds 25 --trees /path/to/other/checkout,. --top 20]
 *
 * The match command as a user runs it, the whole process: `node dist/src/cli/match.js` on the
 * 6,094-city demo set, reading, checking, scoring and writing. Each tree (a checkout with a built
 * `dist/`, this one by default) runs once per round, in turn, so that trees are compared at the same
 * moment: this machine runs the same code up to 40 % slower at some hours than at others. Prints
 * the wall time (median, quartiles, range) and the CPU time of all threads (median, from
 * /usr/bin/time when it is installed), and checks that every tree wrote the same file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { loadGeoNamesProfiles } from '../../src/members/seed';

const TIME = '/usr/bin/time';

interface Runs {
  wallMs: number[];
  cpuMs: number[];
}

function main(): void {
  const { values } = parseArgs({ options: { rounds: { type: 'string' }, trees: { type: 'string' }, top: { type: 'string' } } });
  const rounds = Number(values.rounds ?? 25);
  const top = values.top ?? '20';
  const trees = (values.trees ?? '.').split(',').map((tree) => resolve(tree));
  for (const tree of trees) {
    if (!existsSync(join(tree, 'dist/src/cli/match.js'))) throw new Error(`${tree} has no dist/src/cli/match.js: build it first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'citymatch-match-bench-'));
  try {
    const input = join(dir, 'demo.json');
    writeFileSync(input, JSON.stringify(loadGeoNamesProfiles({ minPopulation: 20_000, region: 'asia-pacific' })));
    const withTime = existsSync(TIME);
    console.log(`# ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, node ${process.version}, --top ${top}`);
    console.log(`load average at the start: ${loadavg()[0].toFixed(2)}, ${rounds} rounds\n`);
    const runs = trees.map((): Runs => ({ wallMs: [], cpuMs: [] }));
    for (let round = 0; round < rounds; round++) {
      trees.forEach((tree, t) => {
        const command = [
          'node',
          join(tree, 'dist/src/cli/match.js'),
          '--input',
          input,
          '--top',
          top,
          '--output',
          join(dir, `out-${t}.jsonl`),
        ];
        const started = process.hrtime.bigint();
        const run = withTime ? spawnSync(TIME, ['-f', '%U %S', ...command]) : spawnSync(command[0], command.slice(1));
        runs[t].wallMs.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (run.status !== 0) throw new Error(`${tree}: the match command failed: ${run.stderr.toString()}`);
        if (withTime) {
          const [user, system] = run.stderr.toString().trim().split('\n').pop()!.split(' ').map(Number);
          runs[t].cpuMs.push((user + system) * 1000);
        }
      });
    }
    console.log('| tree | wall, median | quartiles | min-max | CPU (user + sys), median |');
    console.log('| --- | ---: | --- | --- | ---: |');
    trees.forEach((tree, t) => {
      const { wallMs, cpuMs } = runs[t];
      const cpu = cpuMs.length > 0 ? `${ms(quantile(cpuMs, 0.5))}` : 'n/a';
      console.log(
        `| ${tree} | ${ms(quantile(wallMs, 0.5))} | ${ms(quantile(wallMs, 0.25))}-${ms(quantile(wallMs, 0.75))} | ` +
          `${ms(quantile(wallMs, 0))}-${ms(quantile(wallMs, 1))} | ${cpu} |`,
      );
    });
    const first = readFileSync(join(dir, 'out-0.jsonl'));
    const same = trees.every((_, t) => readFileSync(join(dir, `out-${t}.jsonl`)).equals(first));
    console.log(`\n${same ? 'every tree wrote the same file' : 'THE TREES WROTE DIFFERENT FILES'}`);
    if (!same) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

main();
