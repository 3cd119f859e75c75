import { isLanguageCode, languageName } from './languages';

describe('languages', () => {
  it('knows the ISO 639-3 codes of the region, macrolanguages included', () => {
    for (const code of ['ind', 'eng', 'fil', 'tgl', 'zho', 'hin', 'mri', 'msa', 'jpn', 'tpi', 'smo', 'fij']) {
      expect(isLanguageCode(code)).toBe(true);
    }
  });

  it('rejects other codes, other cases and non-strings', () => {
    for (const code of ['en', 'id', 'ENG', 'Ind', 'xxx', 'ber', '', 'eng ', null, 1]) {
      expect(isLanguageCode(code)).toBe(false);
    }
  });

  it('leaves out the special codes that name no language', () => {
    for (const code of ['mis', 'mul', 'und', 'zxx']) expect(isLanguageCode(code)).toBe(false);
  });

  it('names languages in English', () => {
    expect(languageName('ind')).toBe('Indonesian');
    expect(languageName('mri')).toBe('Maori');
    expect(languageName('fil')).toBe('Filipino');
    expect(languageName('xxx')).toBeUndefined();
  });
});
