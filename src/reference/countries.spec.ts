import worldCountries from 'world-countries';

import { ASIA_PACIFIC_COUNTRY_CODES, countryByCode, isAsiaPacific, isCountryCode, subregionOf } from './countries';
import { isLanguageCode } from './languages';

describe('countries', () => {
  it('derives UN M49 subregions from the country code', () => {
    expect(subregionOf('ID')).toBe('South-Eastern Asia');
    expect(subregionOf('FJ')).toBe('Melanesia');
    expect(subregionOf('JP')).toBe('Eastern Asia');
    expect(subregionOf('IN')).toBe('Southern Asia');
    expect(subregionOf('KZ')).toBe('Central Asia');
    expect(subregionOf('NZ')).toBe('Australia and New Zealand');
    expect(subregionOf('TR')).toBe('Western Asia');
    expect(subregionOf('XX')).toBeUndefined();
  });

  it('gives every country a subregion, falling back to the region where there is none', () => {
    for (const { cca2 } of worldCountries) expect(subregionOf(cca2)).toMatch(/\S/);
    expect(subregionOf('AQ')).toBe('Antarctic');
  });

  it('accepts only upper-case ISO 3166-1 alpha-2 codes', () => {
    expect(isCountryCode('ID')).toBe(true);
    expect(isCountryCode('TW')).toBe(true);
    for (const code of ['id', 'IDN', 'XX', '', ' ID', null, 62]) expect(isCountryCode(code)).toBe(false);
  });

  it('describes a country with its ISO 639-3 official languages', () => {
    expect(countryByCode('NZ')).toEqual({
      code: 'NZ',
      name: 'New Zealand',
      region: 'Oceania',
      subregion: 'Australia and New Zealand',
      languages: ['eng', 'mri', 'nzs'],
    });
    expect(countryByCode('ID')?.languages).toEqual(['ind']);
    expect(countryByCode('nz')).toBeUndefined();
  });

  it('keeps only valid ISO 639-3 codes among the languages', () => {
    for (const { cca2 } of worldCountries) {
      expect(countryByCode(cca2)?.languages.filter((l) => !isLanguageCode(l))).toEqual([]);
    }
    expect(countryByCode('MA')?.languages).toEqual(['ara']); // world-countries also lists collective 'ber'
  });

  it('covers Asia outside Western Asia, and Oceania: 60 countries and territories', () => {
    expect(ASIA_PACIFIC_COUNTRY_CODES).toEqual(
      [
        ...['KG', 'KZ', 'TJ', 'TM', 'UZ'], // Central Asia
        ...['CN', 'HK', 'JP', 'KP', 'KR', 'MN', 'MO', 'TW'], // Eastern Asia
        ...['BN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN'], // South-Eastern Asia
        ...['AF', 'BD', 'BT', 'IN', 'IR', 'LK', 'MV', 'NP', 'PK'], // Southern Asia
        ...['AU', 'CC', 'CX', 'NF', 'NZ'], // Australia and New Zealand
        ...['FJ', 'NC', 'PG', 'SB', 'VU'], // Melanesia
        ...['FM', 'GU', 'KI', 'MH', 'MP', 'NR', 'PW'], // Micronesia
        ...['AS', 'CK', 'NU', 'PF', 'PN', 'TK', 'TO', 'TV', 'WF', 'WS'], // Polynesia
      ].sort(),
    );
    expect(isAsiaPacific('FJ')).toBe(true);
    for (const code of ['TR', 'AE', 'SA', 'RU', 'US', 'AQ']) expect(isAsiaPacific(code)).toBe(false);
  });
});
