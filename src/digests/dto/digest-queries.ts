import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { PageLimit, PageOffset } from '../../http/paging';
import { QueryNumber } from '../../http/query-number';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../deliveries.repository';

const WEEK = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
const WEEK_MESSAGE = 'week must be an ISO week such as 2026-W49';

export class PreviewQuery {
  @ApiProperty({ description: 'The recipient' })
  @IsUUID('all', { message: 'userId must be a user id (UUID)' })
  userId: string;

  @ApiPropertyOptional({ example: '2026-W49', description: 'Defaults to the current week on the recipient’s calendar' })
  @IsOptional()
  @Matches(WEEK, { message: WEEK_MESSAGE })
  week?: string;
}

export class RunWeekDto {
  @ApiProperty({ example: '2026-W49' })
  @Matches(WEEK, { message: WEEK_MESSAGE })
  week: string;

  @ApiPropertyOptional({ description: 'Count who would get it, sending nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class DeliveriesQuery {
  @ApiPropertyOptional({ example: '2026-W49' })
  @IsOptional()
  @Matches(WEEK, { message: WEEK_MESSAGE })
  week?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a user id (UUID)' })
  userId?: string;

  @PageLimit(100, 1000)
  limit: number = 100;

  @PageOffset()
  offset: number = 0;
}

export class RunsQuery {
  @ApiPropertyOptional({ default: 12, maximum: 104, description: 'How many weeks, newest first' })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  @Max(104)
  weeks: number = 12;
}
