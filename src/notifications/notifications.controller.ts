import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '../auth/audit/audited.decorator';
import { Allow } from '../auth/policies/access-policy';
import { MarkReadDto, NotificationsQuery } from './notifications.dto';
import { NotificationsService } from './notifications.service';

const since = (query: NotificationsQuery) => (query.since ? new Date(query.since) : undefined);

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('members/:id/notifications')
  @Allow('admin', 'secretariat', 'own-member')
  @ApiOkResponse({ description: "The member's notifications, newest first" })
  forMember(@Param('id') id: string, @Query() query: NotificationsQuery) {
    return this.notifications.forMember(id, since(query), query.unread);
  }

  @Post('members/:id/notifications/read')
  @Audited()
  @HttpCode(200)
  @Allow('admin', 'secretariat', 'own-member')
  @ApiOkResponse({ description: 'How many of the member’s notifications were marked read' })
  markMemberRead(@Param('id') id: string, @Body() dto: MarkReadDto) {
    return this.notifications.markRead(id, dto.ids);
  }

  @Get('notifications')
  @Allow('admin', 'secretariat')
  @ApiOkResponse({ description: "The secretariat's notifications, newest first" })
  forSecretariat(@Query() query: NotificationsQuery) {
    return this.notifications.forSecretariat(since(query), query.unread);
  }

  @Post('notifications/read')
  @Audited()
  @HttpCode(200)
  @Allow('admin', 'secretariat')
  @ApiOkResponse({ description: 'How many of the secretariat’s notifications were marked read' })
  markSecretariatRead(@Body() dto: MarkReadDto) {
    return this.notifications.markRead(null, dto.ids);
  }
}
