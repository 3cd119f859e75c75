import { parentPort, workerData } from 'node:worker_threads';
import { balanceLists } from './balance-lists';
import type { BalanceThreadInput } from './balance-in-thread';

/** Balances the lists of the network it is given and posts them back as [memberId, list] entries. */
const { profiles, rules, options } = workerData as BalanceThreadInput;
balanceLists(profiles, rules, options).then(
  (lists) => parentPort!.postMessage([...lists]),
  (error: unknown) => {
    throw error;
  },
);
