/** Worker thread entry: runs shards of computeTopK (the heaps are shared) and posts the pair counts back. */
import { parentPort, workerData } from 'node:worker_threads';

import { warmUpScan } from './compute-top-k';
import { runShard, type ShardJob } from './shard';
import type { TopKWorkerData } from './top-k-pool';

parentPort!.on('message', (job: ShardJob) => {
  const result = runShard(job);
  parentPort!.postMessage(result);
});

if ((workerData as TopKWorkerData | undefined)?.warmUp) setImmediate(warmUpScan);
