import { computeTopKSync, prepareDataset } from '../index';
import { city } from '../../test-support/city';
import { networkIneligibilityReasons, rankedProfiles } from './network-rules';

const needs = { water: 3 };
const offers = { water: 3 };

describe('network rules', () => {
  const suva = city('suva', { country: 'FJ', needs, offers });
  const iloilo = city('iloilo', { country: 'PH', needs, offers });
  const kobe = city('kobe', { country: 'JP', needs, offers, openToPartnerships: false } as never);
  const rules = { excludedCountryPairs: [['PH', 'FJ']] as [string, string][] };

  it('names the rules that make a pair ineligible, both ways', () => {
    expect(networkIneligibilityReasons(suva, iloilo, rules)).toEqual(['excluded-country-pair']);
    expect(networkIneligibilityReasons(iloilo, suva, rules)).toEqual(['excluded-country-pair']);
    expect(networkIneligibilityReasons(suva, kobe, rules)).toEqual(['not-open']);
    expect(networkIneligibilityReasons(kobe, suva, rules)).toEqual(['not-open']);
    expect(networkIneligibilityReasons(suva, iloilo)).toEqual([]);
  });

  it('keeps excluded pairs and closed members out of the pure ranking, and leaves other profiles as they are', () => {
    const ranked = rankedProfiles([suva, iloilo, kobe], rules);
    const lists = computeTopKSync(prepareDataset(ranked), { k: 5 }).toMap();
    expect([...lists.values()].flat()).toEqual([]);
    expect(
      computeTopKSync(prepareDataset([suva, iloilo]), { k: 5 })
        .toMap()
        .get('suva'),
    ).toHaveLength(1);
    expect(rankedProfiles([suva, iloilo])).toEqual([suva, iloilo]);
    expect(rankedProfiles([suva, iloilo])[0]).toBe(suva);
  });
});
