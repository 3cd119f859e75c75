import { COUNTRY_CODES, LANGUAGE_CODES } from './code-lists';
import { isCountryCode } from './countries';
import { isLanguageCode } from './languages';

/** Every code of `length` lower-case letters: the whole space the two kinds of codes live in. */
function allCodes(length: number): string[] {
  let codes = [''];
  for (let i = 0; i < length; i++) codes = codes.flatMap((prefix) => [...'abcdefghijklmnopqrstuvwxyz'].map((c) => prefix + c));
  return codes;
}

describe('the written-out code lists (run scripts/write-code-lists.js when this fails)', () => {
  it('hold exactly the country codes that countries.ts accepts', () => {
    const accepted = allCodes(2)
      .map((code) => code.toUpperCase())
      .filter(isCountryCode);
    expect(accepted.length).toBeGreaterThan(240);
    expect([...COUNTRY_CODES].sort()).toEqual(accepted.sort());
  });

  it('hold exactly the language codes that languages.ts accepts', () => {
    const accepted = allCodes(3).filter(isLanguageCode);
    expect(accepted).toContain('ind');
    expect([...LANGUAGE_CODES].sort()).toEqual(accepted.sort());
  });
});
