import { PageLimit } from '../../../http/paging';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { AUDIT_OUTCOMES, type AuditOutcome } from '../audit-entry';
import { PageOffset } from '../../../http/page-offset';

export class AuditQuery {
  @ApiPropertyOptional({ description: 'Writes made with this token' })
  @IsOptional()
  @IsUUID('all', { message: 'tokenId must be a token id (UUID)' })
  tokenId?: string;

  @ApiPropertyOptional({ description: 'Writes made by this person (in a session)' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a user id (UUID)' })
  userId?: string;

  @ApiPropertyOptional({ description: 'Writes made in this session' })
  @IsOptional()
  @IsUUID('all', { message: 'sessionId must be a session id (UUID)' })
  sessionId?: string;

  @ApiPropertyOptional({ example: 'member' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  entity?: string;

  @ApiPropertyOptional({ example: 'gn-1711005' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  entityId?: string;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES, { message: `outcome must be one of: ${AUDIT_OUTCOMES.join(', ')}` })
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'From this time on (inclusive)' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'since must be an ISO 8601 date-time' })
  since?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'Before this time' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'until must be an ISO 8601 date-time' })
  until?: string;

  @PageLimit(100, 1000)
  limit: number = 100;

  @PageOffset()
  offset: number = 0;
}
