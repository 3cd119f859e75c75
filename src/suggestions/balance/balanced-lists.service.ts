import { balanceListsInThread, DEFAULT_BALANCE } from '@citymatch/matching/balance';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config';
import { MemberProfilesReader } from '../../members';
import { CountryExclusionsRepository } from '../exclusions/country-exclusions.repository';
import { SuggestionsRepository } from '../storage/suggestions.repository';
import { BalancedListsRepository } from './balanced-lists.repository';

/** Entries per default list: the lists officials see first (the pure ranking serves longer ones). */
export const BALANCED_LIST_SIZE = DEFAULT_BALANCE.listSize;

/**
 * The default lists: balanced across countries and members (see the library's balanceLists), a
 * deterministic function of the members, the weights and the country-pair exclusions. A run starts
 * after each full recompute and on a schedule, and does nothing when none of its inputs changed
 * since the stored run; the lists it stores replace the previous ones in one transaction.
 */
@Injectable()
export class BalancedListsService {
  private readonly logger = new Logger(BalancedListsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: BalancedListsRepository,
    private readonly suggestions: SuggestionsRepository,
    private readonly profiles: MemberProfilesReader,
    private readonly exclusions: CountryExclusionsRepository,
  ) {}

  /** Balances the lists again when their inputs changed; whether it stored a new run. */
  async rebalance(): Promise<{ rebalanced: boolean }> {
    if (!this.config.suggestions.balancedLists) return { rebalanced: false };
    const generation = await this.suggestions.currentGeneration();
    if (!generation) return { rebalanced: false }; // the first full recompute starts a run when it ends
    const startedAt = new Date();
    // Every applied member change and every switch writes the pipeline's state row (a new version).
    const [version, exclusions, last] = await Promise.all([
      this.suggestions.stateVersion(),
      this.exclusions.all(),
      this.repository.lastRun(),
    ]);
    const excludedCountryPairs = exclusions.map((exclusion) => exclusion.countries);
    const basedOn = JSON.stringify({ generation: generation.id, version, excludedCountryPairs });
    if (last?.basedOn === basedOn) return { rebalanced: false };

    const profiles = [...(await this.profiles.all()).values()];
    const lists = await balanceListsInThread(
      profiles,
      { excludedCountryPairs },
      { weights: generation.weights, listSize: BALANCED_LIST_SIZE },
    );
    const computedAt = new Date();
    const run = {
      basedOn,
      generationId: generation.id,
      startedAt,
      computedAt,
      tookMs: computedAt.getTime() - startedAt.getTime(),
      lists: lists.size,
    };
    const stored = await this.dataSource.transaction((manager) => this.repository.within(manager).replace(run, lists));
    if (stored) await this.repository.vacuum();
    if (stored) this.logger.log(`default lists balanced for ${lists.size} members in ${run.tookMs} ms`);
    return { rebalanced: stored };
  }
}
