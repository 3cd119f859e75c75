import { seededRandom } from './seeded-random';

/**
 * Synthetic demo languages: the language a city's region uses, and English where it serves as the
 * working language of cooperation between members. Not any member's own statement.
 *
 * - India: the official language of the city's state (GeoNames admin1 code), Hindi elsewhere;
 *   other countries: their official languages other than English (Australia keeps English).
 * - English: every city of a country where English is an official language (the Philippines,
 *   India, Pakistan, Malaysia, Singapore, the Pacific islands, ...); elsewhere a share of cities
 *   that grows with size, from 25 % at 20,000 people to every city of a million or more, standing for
 *   the international offices of larger cities. The draw depends on the city's id alone.
 */
export function demoLanguages(
  id: string,
  country: string,
  adminCode: string | undefined,
  population: number,
  official: readonly string[],
): string[] {
  const regional = country === 'IN' ? [INDIAN_STATE_LANGUAGES[adminCode ?? ''] ?? 'hin'] : official.filter((code) => code !== ENGLISH);
  const english = official.includes(ENGLISH) || seededRandom(`languages:${id}`)() < englishShare(population);
  if (regional.length === 0) return [ENGLISH];
  return english ? [...regional, ENGLISH] : regional;
}

const ENGLISH = 'eng';

function englishShare(population: number): number {
  const size = Math.min(1, Math.max(0, (Math.log10(population) - Math.log10(20_000)) / (6 - Math.log10(20_000))));
  return 0.25 + 0.75 * size;
}

/** GeoNames admin1 codes of Indian states → the state's official language (ISO 639-3). */
const INDIAN_STATE_LANGUAGES: Readonly<Record<string, string>> = {
  '02': 'tel', // Andhra Pradesh
  '03': 'asm', // Assam
  '09': 'guj', // Gujarat
  '13': 'mal', // Kerala
  '16': 'mar', // Maharashtra
  '19': 'kan', // Karnataka
  '21': 'ory', // Odisha
  '23': 'pan', // Punjab
  '25': 'tam', // Tamil Nadu
  '28': 'ben', // West Bengal
  '40': 'tel', // Telangana
};
