import { InvalidWeightsError, normaliseWeights, type Weights } from '@citymatch/matching';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalidInput } from '../../http/api-errors';
import { recordJob } from '../../jobs';
import { SuggestionsRepository } from '../storage/suggestions.repository';

/** The matching weights in force; changing them recomputes every suggestion. */
@Injectable()
export class MatchingSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: SuggestionsRepository,
  ) {}

  weights(): Promise<Weights> {
    return this.repository.weights();
  }

  /** Normalises (non-negative, not all zero, summing to 1), stores, and records a full recompute. */
  async setWeights(requested: Partial<Weights>): Promise<Weights> {
    let weights: Weights;
    try {
      weights = normaliseWeights(requested);
    } catch (error) {
      if (!(error instanceof InvalidWeightsError)) throw error;
      throw invalidInput(error.message, [{ field: 'weights', message: error.message }]);
    }
    await this.dataSource.transaction(async (manager) => {
      await this.repository.within(manager).storeWeights(weights);
      await recordJob(manager, 'suggestions.recompute', { reason: 'weights changed' });
    });
    return weights;
  }
}
