/** Worker thread entry: runs shards of computeTopK and posts their heaps back. */
import { parentPort } from 'node:worker_threads';

import { runShard, type ShardJob } from './shard';

parentPort!.on('message', (job: ShardJob) => {
  const result = runShard(job);
  parentPort!.postMessage(result, [result.count.buffer, result.score.buffer, result.index.buffer]);
});
