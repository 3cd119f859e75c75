import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../policies/access-policy';
import { AuditLogService } from './audit-log.service';
import { AuditQuery } from './dto/audit.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @Allow('admin', 'secretariat')
  @ApiOkResponse({ description: 'Writes to CityMatch, newest first: who, what, on which entity, and the outcome' })
  list(@Query() query: AuditQuery) {
    return this.auditLog.list(query);
  }
}
