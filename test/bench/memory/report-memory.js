/**
 * Preloaded (-r) into the API by bench:memory: answers 'memory' messages on the IPC channel with
 * process.memoryUsage(), after a full garbage collection when asked and --expose-gc is on.
 */
process.on('message', (message) => {
  if (message?.type !== 'memory') return;
  if (message.gc && typeof global.gc === 'function') global.gc();
  process.send({ type: 'memory', usage: process.memoryUsage() });
});
