import { PageLimit } from '../../http/paging';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { MEMBER_STATUSES, type MemberStatus } from '../member-record';
import { IsCountryCode } from '../validation/member-validators';
import { PageOffset } from '../../http/page-offset';

const THEME_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class ListMembersQuery {
  @ApiPropertyOptional({ example: 'PH' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ example: 'South-Eastern Asia' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  subregion?: string;

  @ApiPropertyOptional({ example: 'climate-change', description: 'Members that need this theme' })
  @IsOptional()
  @Matches(THEME_SLUG, { message: 'needs must be a theme slug' })
  needs?: string;

  @ApiPropertyOptional({ example: 'disaster-resilience', description: 'Members that offer this theme' })
  @IsOptional()
  @Matches(THEME_SLUG, { message: 'offers must be a theme slug' })
  offers?: string;

  @ApiPropertyOptional({ enum: MEMBER_STATUSES })
  @IsOptional()
  @IsIn(MEMBER_STATUSES)
  status?: MemberStatus;

  @ApiPropertyOptional({ example: 'ilo', description: 'Case-insensitive part of the name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @PageLimit(50, 500)
  limit: number = 50;

  @PageOffset()
  offset: number = 0;
}
