import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/policies/access-policy';
import { MatchesQuery } from '../suggestions';
import { NetworkMatchesService } from './network-matches.service';

/** The network's best pairs as the secretariat brokers them: with their partnership, and how to open one. */
@ApiTags('network')
@ApiBearerAuth()
@Controller()
export class NetworkMatchesController {
  constructor(private readonly network: NetworkMatchesService) {}

  @Get('matches')
  @Allow('admin', 'secretariat')
  @ApiOkResponse({
    description:
      'The best mutual pairs across the network that are not yet partners; each with its partnership (id and stage, ' +
      'the open one else the latest, or null) and, when none is open, `open`: the request that opens one (origin secretariat)',
  })
  matches(@Query() query: MatchesQuery) {
    return this.network.matches(query.limit, query);
  }
}
