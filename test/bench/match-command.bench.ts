/**
 * npm run bench:match-command [-- --rounds 25 --trees /path/to/other/checkout,. --top 20]
 *
 * The match command as `npm run match` runs it once the build is fresh, the whole process: node,
 * with the environment, flags and built file of the tree's own `match` script, on the 6,094-city demo set,
 * reading, checking, scoring and writing. Each tree (a checkout with a built `dist/`, this
 * one by default) runs once per round, in turn, so that trees are compared at the same moment: this
 * machine runs the same code up to 40 % slower at some hours than at others. Prints the wall time
 * (median, quartiles, range) and the CPU time of all threads (median, from /usr/bin/time when it is
 * installed), and checks that every tree wrote the same file.
 *
 * NODE_EXTRA_CA_CERTS, when set, makes node read and parse those certificates as every process
 * starts (35 ms on this machine, which sets it), though the command makes no TLS connection (today's
 * script clears it). When the shell sets it, each tree also runs from a shell without it, and both
 * are printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { loadGeoNamesProfiles } from '../../src/members/seed';
import { matchScript } from '../support/match-script';

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
    const { entry } = matchScript(tree);
    if (!existsSync(join(tree, entry))) throw new Error(`${tree} has no ${entry}: build it first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'citymatch-match-bench-'));
  try {
    const input = join(dir, 'demo.json');
    writeFileSync(input, JSON.stringify(loadGeoNamesProfiles({ minPopulation: 20_000, region: 'asia-pacific' })));
    const withTime = existsSync(TIME);
    console.log(`# ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, node ${process.version}, --top ${top}`);
    console.log(`load average at the start: ${loadavg()[0].toFixed(2)}, ${rounds} rounds\n`);
    const environments: { label: string; env: NodeJS.ProcessEnv }[] = [{ label: '', env: process.env }];
    if (process.env.NODE_EXTRA_CA_CERTS) {
      const without = { ...process.env };
      delete without.NODE_EXTRA_CA_CERTS;
      environments[0].label = ', from a shell with NODE_EXTRA_CA_CERTS';
      environments.push({ label: ', from a shell without it', env: without });
    }
    const variants = trees.flatMap((tree) => {
      const script = matchScript(tree);
      return environments.map(({ label, env }) => ({ tree, label, ...script, env: { ...env, ...script.env } }));
    });
    const runs = variants.map((): Runs => ({ wallMs: [], cpuMs: [] }));
    for (let round = 0; round < rounds; round++) {
      variants.forEach(({ tree, env, nodeFlags, entry }, v) => {
        const output = join(dir, `out-${v}.jsonl`);
        const command = ['node', ...nodeFlags, join(tree, entry), '--input', input, '--top', top, '--output', output];
        const started = process.hrtime.bigint();
        const run = withTime ? spawnSync(TIME, ['-f', '%U %S', ...command], { env }) : spawnSync(command[0], command.slice(1), { env });
        runs[v].wallMs.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (run.status !== 0) throw new Error(`${tree}: the match command failed: ${run.stderr.toString()}`);
        if (withTime) {
          const [user, system] = run.stderr.toString().trim().split('\n').pop()!.split(' ').map(Number);
          runs[v].cpuMs.push((user + system) * 1000);
        }
      });
    }
    console.log('| tree | wall, median | quartiles | min-max | CPU (user + sys), median |');
    console.log('| --- | ---: | --- | --- | ---: |');
    variants.forEach(({ tree, label, nodeFlags, entry, env }, v) => {
      const { wallMs, cpuMs } = runs[v];
      const assignments = Object.keys(matchScript(tree).env).map((name) => `${name}=${env[name] ?? ''}`);
      const name = `${tree}: ${[...assignments, 'node', ...nodeFlags, entry].join(' ')}${label}`;
      const cpu = cpuMs.length > 0 ? ms(quantile(cpuMs, 0.5)) : 'n/a';
      const wall = [quantile(wallMs, 0.5), quantile(wallMs, 0.25), quantile(wallMs, 0.75), quantile(wallMs, 0), quantile(wallMs, 1)].map(
        ms,
      );
      console.log(`| ${name} | ${wall[0]} | ${wall[1]}-${wall[2]} | ${wall[3]}-${wall[4]} | ${cpu} |`);
    });
    const first = readFileSync(join(dir, 'out-0.jsonl'));
    const same = variants.every((_, v) => readFileSync(join(dir, `out-${v}.jsonl`)).equals(first));
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
