/** Worker thread entry: runs shards of computeTopK (the heaps are shared) and posts the pair counts back. */
import { parentPort } from 'node:worker_threads';

import { runShard, type ShardJob } from './shard';

parentPort!.on('message', (job: ShardJob) => {
  const result = runShard(job);
  parentPort!.postMessage(result);
});
