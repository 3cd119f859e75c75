import { PageLimit, PageOffset } from '../../http/paging';
import { SubregionFilter, ThemeFilter } from '../../http/query-filters';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { MEMBER_STATUSES, type MemberStatus } from '../member-record';
import { IsCountryCode } from '../validation/member-validators';

export class ListMembersQuery {
  @ApiPropertyOptional({ example: 'PH' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @SubregionFilter()
  subregion?: string;

  @ThemeFilter('Members that need this theme')
  needs?: string;

  @ThemeFilter('Members that offer this theme')
  offers?: string;

  @ApiPropertyOptional({ enum: MEMBER_STATUSES })
  @IsOptional()
  @IsIn(MEMBER_STATUSES)
  status?: MemberStatus;

  @ApiPropertyOptional({ example: 'ilo', description: 'Part of the name, ignoring letter case and accents ("raniganj" finds "Rānīganj")' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @PageLimit(50, 500)
  limit: number = 50;

  @PageOffset()
  offset: number = 0;
}
