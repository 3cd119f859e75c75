import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/policies/access-policy';
import { BoardService } from './board.service';
import { MemberPartnershipsQuery } from './dto/member-partnerships.query';

/** A member's own partnerships, for its officials (the network-wide list is the secretariat's). */
@ApiTags('brokering')
@ApiBearerAuth()
@Controller()
export class MemberPartnershipsController {
  constructor(private readonly board: BoardService) {}

  @Get('members/:id/partnerships')
  @Allow('admin', 'secretariat', 'own-member')
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOkResponse({ description: "The member's partnerships at every stage, most recently updated first" })
  forMember(@Param('id') id: string, @Query() query: MemberPartnershipsQuery) {
    return this.board.listJson({ ...query, member: id, sort: 'updated', format: 'json' });
  }
}
