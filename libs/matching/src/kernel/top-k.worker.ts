/**
 * Worker thread entry: runs shards of computeTopK (the heaps are shared) and posts the pair counts
 * back, or runs a task (see TopKPool.runTask) and posts its result.
 */
import { parentPort } from 'node:worker_threads';

import { runShard, type ShardJob } from './shard';
import type { PoolTask, TaskOutcome } from './top-k-pool';

parentPort!.on('message', (message: ShardJob | { task: PoolTask }) => {
  if ('task' in message) {
    parentPort!.postMessage(runTask(message.task));
    return;
  }
  parentPort!.postMessage(runShard(message));
});

function runTask({ file, name, input }: PoolTask): TaskOutcome {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module named at run time
    const run = (require(file) as Record<string, (input: unknown) => unknown>)[name];
    return { result: run(input) };
  } catch (error) {
    return { failed: (error as Error).stack ?? String(error) };
  }
}
