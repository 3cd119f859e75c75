#!/usr/bin/env node
/**
 * Writes src/reference/code-lists.ts: the country and language codes of world-countries and
 * iso-639-3, as countries.ts and languages.ts read them. Run after updating either package
 * (code-lists.spec.ts fails until then).
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const countries = require('world-countries')
  .map((c) => c.cca2)
  .sort();
const languages = require('iso-639-3/index.json')
  .filter((entry) => entry.scope !== 'special')
  .map((entry) => entry.iso6393)
  .sort();

const lines = (codes) => {
  const out = [];
  for (let i = 0; i < codes.length; i += 25) out.push(`  ${codes.slice(i, i + 25).join(' ')}`);
  return out.join('\n');
};

writeFileSync(
  join(__dirname, '../src/reference/code-lists.ts'),
  `/**
 * Every country code that countries.ts accepts and every language code that languages.ts accepts,
 * written out by scripts/write-code-lists.js, so that the match command's quick record check does not
 * load world-countries and iso-639-3 (2 MB of JSON). code-lists.spec.ts holds them to those modules.
 */
export const COUNTRY_CODES: ReadonlySet<string> = codes(\`
${lines(countries)}
\`);

export const LANGUAGE_CODES: ReadonlySet<string> = codes(\`
${lines(languages)}
\`);

function codes(text: string): ReadonlySet<string> {
  return new Set(text.trim().split(/\\s+/));
}
`,
);
