import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/policies/access-policy';
import { NetworkMatchesQuery } from './dto/network-matches.query';
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
      "The network's mutual pairs (each member in the other's suggestions) that are not yet partners, without pairs the " +
      'network rules rule out (excluded country pairs, members not open to partnerships): filtered, then ordered ' +
      '(see `ranking`), then paged, so a page is never shortened; `total` counts every pair the filters keep. Each pair ' +
      'with its exact score, fit and band, its partnership (id and stage, the open one else the latest, or null) and, when ' +
      'none is open, `open`: the request that opens one (origin secretariat)',
  })
  matches(@Query() query: NetworkMatchesQuery) {
    return this.network.matches(query);
  }
}
