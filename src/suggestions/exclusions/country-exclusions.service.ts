import type { NetworkRules } from '@citymatch/matching/balance';
import { Injectable, NotFoundException } from '@nestjs/common';
import { conflict, invalidInput } from '../../http/api-errors';
import { isCountryCode } from '../../reference/countries';
import { type CountryExclusion, CountryExclusionsRepository } from './country-exclusions.repository';

/**
 * Network-wide exclusions of country pairs (where national policy rules out municipal agreements):
 * members of an excluded pair are never suggested to each other nor listed as network matches.
 */
@Injectable()
export class CountryExclusionsService {
  /**
   * The read of the rules under way, if any. Callers at the same moment (a batch of digests, each
   * asking for its member's suggestions) share it instead of one read each; a call after it ended
   * reads again, and a change made here drops it, so nothing is kept.
   */
  private rulesRead?: Promise<CountryExclusion[]>;

  constructor(private readonly repository: CountryExclusionsRepository) {}

  list(): Promise<CountryExclusion[]> {
    return this.repository.all();
  }

  async rules(): Promise<NetworkRules> {
    if (!this.rulesRead) {
      const read = this.repository.all().finally(() => {
        if (this.rulesRead === read) this.rulesRead = undefined;
      });
      this.rulesRead = read;
    }
    return { excludedCountryPairs: (await this.rulesRead).map((exclusion) => exclusion.countries) };
  }

  async add(countries: readonly string[]): Promise<CountryExclusion> {
    const [a, b] = orderedPair(countries);
    const added = await this.repository.add(a, b);
    this.rulesRead = undefined;
    if (!added)
      throw conflict(`the pair ${a}-${b} is already excluded`, [{ field: 'countries', message: `${a}-${b} is already excluded` }]);
    return (await this.repository.all()).find((exclusion) => exclusion.countries[0] === a && exclusion.countries[1] === b)!;
  }

  async remove(countries: readonly string[]): Promise<void> {
    const [a, b] = orderedPair(countries);
    const removed = await this.repository.remove(a, b);
    this.rulesRead = undefined;
    if (!removed) throw new NotFoundException({ message: `the pair ${a}-${b} is not excluded` });
  }
}

function orderedPair(countries: readonly string[]): [string, string] {
  const details = countries.flatMap((code, i) =>
    isCountryCode(code)
      ? []
      : [{ field: `countries[${i}]`, message: `countries[${i}] must be an ISO 3166-1 alpha-2 country code such as "ID"` }],
  );
  if (details.length === 0 && countries[0] === countries[1]) {
    details.push({ field: 'countries', message: 'countries must name two different countries' });
  }
  if (details.length > 0) throw invalidInput(details.map((detail) => detail.message).join('; '), details);
  return countries[0] < countries[1] ? [countries[0], countries[1]] : [countries[1], countries[0]];
}
