import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { PageLimit, PageOffset } from '../../http/paging';

export class InterestsQuery {
  @ApiPropertyOptional({ description: 'Interests sent or received by this member' })
  @IsOptional()
  @IsString()
  memberId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mutual?: boolean;

  @PageLimit(100, 1000)
  limit: number = 100;

  @PageOffset()
  offset: number = 0;
}
