import { DEFAULT_WEIGHTS, InvalidWeightsError, normaliseWeights, type Weights } from '@citymatch/matching';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { invalidInput } from '../http/api-errors';
import { recordJob } from '../jobs/outbox/outbox';

/** The matching weights in force; changing them recomputes every suggestion. */
@Injectable()
export class MatchingSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async weights(manager: EntityManager = this.dataSource.manager): Promise<Weights> {
    const [{ weights }] = await manager.query('SELECT weights FROM matching_settings WHERE id = 1');
    // A component added since the weights were stored counts at its default, as in the kernel.
    return { ...DEFAULT_WEIGHTS, ...weights };
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
      await manager.query('UPDATE matching_settings SET weights = $1, updated_at = now() WHERE id = 1', [JSON.stringify(weights)]);
      await recordJob(manager, 'suggestions.recompute', { reason: 'weights changed' });
    });
    return weights;
  }
}
