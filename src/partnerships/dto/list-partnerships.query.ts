import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString } from 'class-validator';
import { PageLimit, PageOffset } from '../../http/paging';
import { SubregionFilter, ThemeFilter } from '../../http/query-filters';
import { STAGES, type Stage } from '../partnership-stages';
import { KINDS, type PartnershipKind } from '../partnership.types';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
export const SORTS = ['updated', 'opened', 'stage-changed', 'score'] as const;

export class ListPartnershipsQuery {
  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ description: 'Partnerships of this member' })
  @IsOptional()
  @IsString()
  member?: string;

  @ThemeFilter('Partnerships on this theme')
  theme?: string;

  @SubregionFilter('UN M49 subregion of either member, in any letter case')
  subregion?: string;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: PartnershipKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  owner?: string;

  @ApiPropertyOptional({ description: 'Early stages with no stage change for 60 days' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  stalled?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dormant?: boolean;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  updatedSince?: string;

  @ApiPropertyOptional({ enum: SORTS, default: 'updated', description: 'Newest first; score highest first' })
  @IsOptional()
  @IsIn(SORTS)
  sort: (typeof SORTS)[number] = 'updated';

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';

  @PageLimit(50, 1000)
  limit: number = 50;

  @PageOffset()
  offset: number = 0;
}
