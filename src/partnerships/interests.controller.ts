import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '../auth/audit/audited.decorator';
import { Allow } from '../auth/policies/access-policy';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { CreateInterestDto } from './dto/interest.dto';
import { InterestsQuery } from './dto/interests.query';
import { InterestsService } from './interests.service';

@ApiTags('brokering')
@ApiBearerAuth()
@Controller()
export class InterestsController {
  constructor(private readonly interests: InterestsService) {}

  @Post('members/:id/interests')
  @Audited()
  @Allow('admin', 'secretariat', 'own-member')
  @ApiCreatedResponse({ description: 'The interest; when the candidate is interested too, the partnership it opened' })
  @ApiNotFoundResponse({ description: 'Unknown member or candidate' })
  express(@Param('id') id: string, @Body() dto: CreateInterestDto, @CurrentPrincipal() principal: Principal) {
    return this.interests.express(id, dto, principal);
  }

  @Delete('members/:id/interests/:candidateId')
  @Audited()
  @Allow('admin', 'secretariat', 'own-member')
  @ApiOkResponse({ description: 'The interest is withdrawn' })
  withdraw(@Param('id') id: string, @Param('candidateId') candidateId: string) {
    return this.interests.withdraw(id, candidateId);
  }

  @Get('members/:id/interests')
  @Allow('admin', 'secretariat', 'own-member')
  @ApiOkResponse({ description: 'What the member sent, and its mutual matches; never one-sided interest in it' })
  forMember(@Param('id') id: string) {
    return this.interests.forMember(id);
  }

  @Get('interests')
  @Allow('admin', 'secretariat')
  @ApiOkResponse({ description: 'Every interest in the network, one-sided too' })
  all(@Query() query: InterestsQuery) {
    return this.interests.all(query);
  }
}
