import { explainMatch, type MatchProfile } from '@citymatch/matching';
import { fitOf, readableExplanation } from './readable-explanation';

const place = (id: string, name: string, country: string, lat: number, lon: number): MatchProfile => ({
  id,
  name,
  country,
  population: 100_000,
  lat,
  lon,
  languages: ['eng', country === 'JP' ? 'jpn' : 'fil'],
  status: 'active',
  needs: {},
  offers: {},
  partners: [],
  dismissed: [],
});

describe('readable explanations', () => {
  it('reads a score as a fit from 0 to 100 with its band', () => {
    expect(fitOf(0.5)).toEqual({ fit: 50, band: 'strong' });
    expect(fitOf(0.494)).toEqual({ fit: 49, band: 'good' });
    expect(fitOf(0.4)).toEqual({ fit: 40, band: 'good' });
    expect(fitOf(0.394)).toEqual({ fit: 39, band: 'fair' });
    expect(fitOf(0)).toEqual({ fit: 0, band: 'fair' });
  });

  it('names themes by label and languages by name, and each side for what it brings', () => {
    const kobe = { ...place('kobe', 'Kobe', 'JP', 34.69, 135.19), offers: { 'disaster-resilience': 3 }, needs: { 'climate-change': 2 } };
    const iloilo = {
      ...place('iloilo', 'Iloilo', 'PH', 10.7, 122.56),
      needs: { 'disaster-resilience': 3 },
      offers: { 'climate-change': 1 },
    };
    const readable = readableExplanation(iloilo, kobe, explainMatch(iloilo, kobe));
    expect(readable.candidateOffersMember.themes).toEqual([
      { theme: 'disaster-resilience', label: 'Disaster resilience', need: 3, offer: 3 },
    ]);
    expect(readable.memberOffersCandidate.themes).toEqual([{ theme: 'climate-change', label: 'Climate change', need: 2, offer: 1 }]);
    expect(readable.commonLanguages).toEqual([{ code: 'eng', name: 'English' }]);
    expect(readable.reasons).toContain('Kobe offers Disaster resilience at expert level, a high-priority need of Iloilo');
    expect(readable.reasons).toContain('Iloilo and Kobe share a language (English)');
    expect(readable.reasons.join(' ')).not.toMatch(/disaster-resilience|climate-change|\beng\b/);
  });
});
