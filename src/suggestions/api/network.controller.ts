import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, Audited } from '../../auth';
import { MatchesQuery } from './dto/matches.query';
import { WeightsDto } from './dto/weights.dto';
import { MatchingSettingsService } from './matching-settings.service';
import { RecomputeStatusService } from '../pipeline/recompute-status.service';
import { PairExplanationService } from './pair-explanation.service';
import { SuggestionsService } from './suggestions.service';

/** Network-wide views and operations for the secretariat. */
@ApiTags('network')
@ApiBearerAuth()
@Allow('admin', 'secretariat')
@Controller()
export class NetworkController {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly settings: MatchingSettingsService,
    private readonly recompute: RecomputeStatusService,
    private readonly pairs: PairExplanationService,
  ) {}

  @Get('pairs/:a/:b/explanation')
  @ApiOkResponse({ description: 'Why two members fit or not: the explanation, and every rule that makes the pair ineligible' })
  explainPair(@Param('a') a: string, @Param('b') b: string) {
    return this.pairs.explain(a, b);
  }

  @Get('matches')
  @ApiOkResponse({ description: 'The best mutual pairs across the network that are not yet partners' })
  matches(@Query() query: MatchesQuery) {
    return this.suggestions.matches(query.limit, query);
  }

  @Get('matching/weights')
  weights() {
    return this.settings.weights();
  }

  @Put('matching/weights')
  @Audited()
  @Allow('admin')
  @ApiOkResponse({ description: 'The weights now in force, scaled to sum to 1; a full recompute follows' })
  setWeights(@Body() dto: WeightsDto) {
    return this.settings.setWeights(dto);
  }

  @Post('recompute')
  @Audited()
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'A full recompute is on its way' })
  async requestRecompute() {
    await this.recompute.requestRecompute('requested');
    return { accepted: true };
  }

  @Get('recompute/status')
  status() {
    return this.recompute.status();
  }
}
