import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '../auth/audit/audited.decorator';
import { Allow } from '../auth/policies/access-policy';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { CreateActivityDto, CreateMilestoneDto, UpdateMilestoneDto } from './dto/monitoring.dto';
import { OpenPartnershipDto, TransitionDto, UpdatePartnershipDto } from './dto/partnership.dto';
import { BoardService } from './board.service';
import { ListPartnershipsQuery } from './dto/list-partnerships.query';
import { MonitoringService } from './monitoring.service';
import { describeClosedStages, describeTransitions } from './partnership-stages';
import { PartnershipsService } from './partnerships.service';

const uuid = new ParseUUIDPipe({ version: '4' });
const closed = describeClosedStages();

@ApiTags('brokering')
@ApiBearerAuth()
@Controller('partnerships')
export class PartnershipsController {
  constructor(
    private readonly partnerships: PartnershipsService,
    private readonly monitoring: MonitoringService,
    private readonly board: BoardService,
  ) {}

  @Get()
  @Allow('admin', 'secretariat')
  @ApiOkResponse({ description: 'A filtered, sorted page of partnerships; format=csv answers the page as CSV' })
  async list(@Query() query: ListPartnershipsQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    if (query.format === 'json') {
      // Already JSON, written by the database.
      reply.header('content-type', 'application/json; charset=utf-8');
      return this.board.listJson(query);
    }
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="partnerships.csv"');
    return this.board.csv(query);
  }

  @Get('board')
  @Allow('admin', 'secretariat')
  @ApiOkResponse({
    description: 'Counts per stage, stalled and dormant lists, median days per stage, agreement share, themes and subregions',
  })
  figures() {
    return this.board.figures();
  }

  @Post()
  @Audited()
  @Allow('admin', 'secretariat')
  @ApiCreatedResponse({ description: 'The partnership, at interest, opened by the secretariat' })
  @ApiConflictResponse({ description: 'The pair already has an open partnership: the answer points to it' })
  open(@Body() dto: OpenPartnershipDto, @CurrentPrincipal() principal: Principal) {
    return this.partnerships.open(dto, { origin: 'secretariat', actor: principal.id });
  }

  @Get(':id')
  @Allow('admin', 'secretariat', 'city_official')
  @ApiOkResponse({ description: 'The partnership in full, with its allowed next stages; officials read their own member’s only' })
  get(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal) {
    return this.partnerships.get(id, principal);
  }

  @Patch(':id')
  @Audited()
  @Allow('admin', 'secretariat')
  @ApiOkResponse({ description: 'Owner, next step, kind or themes changed' })
  @ApiConflictResponse({ description: 'The version is stale; nothing changed' })
  update(@Param('id', uuid) id: string, @Body() dto: UpdatePartnershipDto) {
    return this.partnerships.update(id, dto);
  }

  @Post(':id/transitions')
  @Audited()
  @Allow('admin', 'secretariat', 'city_official')
  @ApiCreatedResponse({ description: `The partnership at its new stage. ${describeTransitions()}` })
  @ApiConflictResponse({ description: 'A stale version, or a move the table does not allow (the answer lists the allowed ones)' })
  transition(@Param('id', uuid) id: string, @Body() dto: TransitionDto, @CurrentPrincipal() principal: Principal) {
    return this.partnerships.transition(id, dto, principal);
  }

  @Post(':id/milestones')
  @Audited()
  @Allow('admin', 'secretariat', 'city_official')
  @ApiCreatedResponse({ description: 'The partnership with the new milestone' })
  @ApiConflictResponse({ description: `When ${closed}` })
  addMilestone(@Param('id', uuid) id: string, @Body() dto: CreateMilestoneDto, @CurrentPrincipal() principal: Principal) {
    return this.monitoring.addMilestone(id, dto, principal);
  }

  @Patch(':id/milestones/:milestoneId')
  @Audited()
  @Allow('admin', 'secretariat', 'city_official')
  @ApiOkResponse({ description: 'The partnership with the milestone changed' })
  @ApiConflictResponse({ description: `When the milestone's version is stale, or ${closed}` })
  updateMilestone(
    @Param('id', uuid) id: string,
    @Param('milestoneId', uuid) milestoneId: string,
    @Body() dto: UpdateMilestoneDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.monitoring.updateMilestone(id, milestoneId, dto, principal);
  }

  @Post(':id/activities')
  @Audited()
  @Allow('admin', 'secretariat', 'city_official')
  @ApiCreatedResponse({ description: 'The partnership with the activity; a dormant one is implementing again' })
  @ApiConflictResponse({ description: `When ${closed}` })
  logActivity(@Param('id', uuid) id: string, @Body() dto: CreateActivityDto, @CurrentPrincipal() principal: Principal) {
    return this.monitoring.logActivity(id, dto, principal);
  }

  @Get(':id/history')
  @Allow('admin', 'secretariat', 'city_official')
  @ApiOkResponse({ description: 'Every stage change: from, to, when, by whom, note' })
  async history(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal) {
    return (await this.partnerships.get(id, principal)).history;
  }
}
