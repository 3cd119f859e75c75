import { Worker } from 'node:worker_threads';
import type { ScoredCandidate } from '../profile';
import { workerEntry } from '../worker-entry';
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
  const { file, execArgv } = workerEntry(__filename, 'balance.worker');
  const input: BalanceThreadInput = { profiles, rules, options };
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { execArgv, workerData: input });
    worker.once('message', (entries: Array<[string, ScoredCandidate[]]>) => resolve(new Map(entries)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the balancing thread exited with code ${code}`)));
  });
}
