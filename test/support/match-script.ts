import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a checkout's `npm run match` runs once its build is fresh (the script's last command,
 * `[NAME=value ...] node [flags] file`), read from the checkout's package.json: the environment it
 * sets, node's flags and the built file.
 */
export function matchScript(root: string): { env: Record<string, string>; nodeFlags: string[]; entry: string } {
  const script: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.match;
  const words = script.split('&&').pop()!.trim().split(/\s+/);
  const node = words.indexOf('node');
  const env = Object.fromEntries(words.slice(0, node).map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]));
  const file = words.findIndex((word) => word.endsWith('.js'));
  return { env, nodeFlags: words.slice(node + 1, file), entry: words[file] };
}
