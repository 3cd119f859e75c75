import { Controller, Delete, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { Allow } from '../policies/access-policy';
import { ListSessionsQuery } from './list-sessions.query';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Allow('admin')
@Controller('sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ApiOkResponse({ description: 'Open web sessions, newest first, without secrets' })
  list(@Query() query: ListSessionsQuery) {
    return this.sessions.list(query.limit, query.offset);
  }

  @Delete(':sessionId')
  @Audited()
  @ApiOkResponse({ description: 'The ended session; its cookie stops working at once' })
  @ApiNotFoundResponse()
  end(
    @Param('sessionId', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException({ message: 'session not found' }) }))
    sessionId: string,
  ) {
    return this.sessions.end(sessionId);
  }
}
