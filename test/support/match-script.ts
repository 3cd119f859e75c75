import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a checkout's `npm run match` runs once its build is fresh: node's flags and the built file
 * (the script's last command, `node [flags] file`), read from the checkout's package.json.
 */
export function matchScript(root: string): { nodeFlags: string[]; entry: string } {
  const script: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.match;
  const words = script.split('&&').pop()!.trim().split(/\s+/);
  const file = words.findIndex((word) => word.endsWith('.js'));
  return { nodeFlags: words.slice(1, file), entry: words[file] };
}
