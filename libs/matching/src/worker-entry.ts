import { extname, join } from 'node:path';

/**
 * Where a worker thread's script `name` lives beside `callerFile`, and the options to start it with.
 * The compiled worker is plain .js and inherits the process's options (passing them would be refused:
 * V8 flags are not worker options); from TypeScript sources it needs the swc loader.
 */
export function workerEntry(callerFile: string, name: string): { file: string; execArgv?: string[] } {
  const extension = extname(callerFile);
  const file = join(callerFile, '..', `${name}${extension}`);
  if (extension !== '.ts') return { file };
  const registered = process.execArgv.some((arg) => arg.includes('@swc-node/register'));
  return { file, execArgv: registered ? process.execArgv : [...process.execArgv, '-r', '@swc-node/register'] };
}
