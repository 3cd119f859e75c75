import iso6393 from 'iso-639-3/index.json';

/**
 * ISO 639-3 language codes (individual languages and macrolanguages, living or not),
 * from the SIL registry data shipped by the `iso-639-3` package.
 * The four special codes (mis, mul, und, zxx) are left out: none names a language a member speaks.
 */
interface Iso6393Entry {
  iso6393: string;
  name: string;
  scope: string;
}

const NAMES: ReadonlyMap<string, string> = new Map(
  (iso6393 as Iso6393Entry[]).filter((entry) => entry.scope !== 'special').map((entry) => [entry.iso6393, entry.name]),
);

/** True for a lower-case ISO 639-3 code such as 'ind', 'eng' or 'mri'. */
export function isLanguageCode(code: unknown): code is string {
  return typeof code === 'string' && NAMES.has(code);
}

/** The English reference name of a language ('ind' → 'Indonesian'), or undefined for an unknown code. */
export function languageName(code: string): string | undefined {
  return NAMES.get(code);
}
