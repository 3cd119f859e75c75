import { THEME_SLUGS, THEMES } from './themes';

describe('themes', () => {
  it('lists the association thematic fields in their order', () => {
    expect(THEME_SLUGS).toEqual([
      'local-economic-development',
      'climate-change',
      'disaster-resilience',
      'culture',
      'strategic-planning',
      'decentralisation',
      'municipal-finance',
      'gender-equality',
      'womens-leadership',
      'environment',
      'good-governance',
      'sdg-localisation',
      'basic-services',
      'covid-recovery',
      'inclusive-societies',
    ]);
  });

  it('gives each theme a label and a one-sentence description', () => {
    for (const theme of THEMES) {
      expect(theme.label).toMatch(/^[A-Z]/);
      expect(theme.description).toMatch(/^[A-Z][^.]*\.$/);
    }
    expect(new Set(THEMES.map((t) => t.label)).size).toBe(THEMES.length);
  });
});
