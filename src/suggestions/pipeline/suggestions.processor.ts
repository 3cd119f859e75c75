import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandlers } from '../../jobs';
import { BalancedListsService } from '../balance/balanced-lists.service';
import { FullRecomputeService } from './full-recompute.service';
import { IncrementalUpdateService } from './incremental-update.service';

/** The suggestion jobs: each unpacks its payload and calls one service method. */
@Injectable()
export class SuggestionsProcessor implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly incremental: IncrementalUpdateService,
    private readonly fullRecompute: FullRecomputeService,
    private readonly balanced: BalancedListsService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('member.changed', ({ memberId }) => this.incremental.applyMemberChange(memberId));
    this.handlers.register('suggestions.recompute', ({ reason }) => this.fullRecompute.start(reason));
    this.handlers.register('suggestions.shard', ({ generationId, start, end }) =>
      this.fullRecompute.computeShard(generationId, start, end),
    );
    this.handlers.register('suggestions.finish', ({ generationId }) => this.fullRecompute.finish(generationId));
    this.handlers.register('suggestions.balance', () => this.balanced.rebalance());
  }
}
