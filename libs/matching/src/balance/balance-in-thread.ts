import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScoredCandidate } from '../profile';
import type { BalanceOptions } from './balance-options';
import type { NetworkProfile, NetworkRules } from './network-rules';

export interface BalanceThreadInput {
  profiles: readonly NetworkProfile[];
  rules: NetworkRules;
  options: Partial<BalanceOptions>;
}

/**
 * balanceLists on a thread of its own: its placement passes run for seconds on a large network,
 * and a process that also answers requests must not stop for them. Same result, same arguments.
 */
export function balanceListsInThread(
  profiles: readonly NetworkProfile[],
  rules: NetworkRules,
  options: Partial<BalanceOptions> = {},
): Promise<Map<string, ScoredCandidate[]>> {
  const extension = extname(__filename);
  const file = join(__dirname, `balance.worker${extension}`);
  // From TypeScript sources (tests, benchmarks) the thread needs the same loader as this one. Compiled,
  // it inherits the process's options (passing them would be refused: V8 flags are not worker options).
  const execArgv =
    extension !== '.ts'
      ? undefined
      : process.execArgv.some((arg) => arg.includes('@swc-node/register'))
        ? process.execArgv
        : [...process.execArgv, '-r', '@swc-node/register'];
  const input: BalanceThreadInput = { profiles, rules, options };
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { ...(execArgv ? { execArgv } : {}), workerData: input });
    worker.once('message', (entries: Array<[string, ScoredCandidate[]]>) => resolve(new Map(entries)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the balancing thread exited with code ${code}`)));
  });
}
