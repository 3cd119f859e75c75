import { Body, Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Audited } from '../auth/audit/audited.decorator';
import { Allow, Public } from '../auth/policies/access-policy';
import { DeliveriesQuery, PreviewQuery, RunsQuery, RunWeekDto } from './dto/digest-queries';
import { DigestsService } from './digests.service';
import { badLinkPage, confirmPage, unsubscribedPage } from './unsubscribe-page';

@ApiTags('digests')
@ApiBearerAuth()
@Controller('digests')
export class DigestsController {
  constructor(private readonly digests: DigestsService) {}

  @Get('preview')
  @Allow('admin', 'secretariat')
  @ApiOkResponse({ description: 'The digest as it would be sent (subject, HTML, text, its sections as JSON), sending nothing' })
  preview(@Query() query: PreviewQuery) {
    return this.digests.preview(query.userId, query.week);
  }

  @Get('runs')
  @Allow('admin', 'secretariat')
  @ApiOkResponse({ description: 'Per week: recipients, sent, failed, queued, and skipped by reason' })
  runs(@Query() query: RunsQuery) {
    return this.digests.runs(query.weeks);
  }

  @Post('runs')
  @Audited()
  @Allow('admin', 'secretariat')
  @HttpCode(202)
  @ApiOkResponse({ description: "Runs (or, with dryRun, counts) a week's digests; nobody gets a week's digest twice" })
  run(@Body() dto: RunWeekDto) {
    return this.digests.runWeek(dto.week, dto.dryRun ?? false);
  }

  @Get('deliveries')
  @Allow('admin', 'secretariat')
  @ApiOkResponse({ description: 'The delivery log, by week, status and user' })
  deliveries(@Query() query: DeliveriesQuery) {
    return this.digests.deliveriesOf(query);
  }

  @Get('unsubscribe')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page asking to confirm (opening a link changes nothing)' })
  confirm(@Query('token') token: string | undefined) {
    return token ? confirmPage(token) : badLinkPage();
  }

  /** RFC 8058 one-click: the mail client posts List-Unsubscribe=One-Click; no login, effective at once. */
  @Post('unsubscribe')
  @Public()
  @Audited()
  @HttpCode(200)
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Unsubscribed: a short confirmation page' })
  async unsubscribe(@Query('token') token: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    reply.header('Content-Type', 'text/html; charset=utf-8');
    if (!token || !(await this.digests.unsubscribe(token))) {
      reply.status(400);
      return badLinkPage();
    }
    return unsubscribedPage();
  }
}
