import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Min } from 'class-validator';
import { PageLimit } from '../../../http/paging';
import { QueryNumber } from '../../../http/query-number';
import { SubregionFilter, ThemeFilter } from '../../../http/query-filters';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class SuggestionsQuery {
  /** Above the stored list's length, the answer is ranked over all members, like a filtered one. */
  @PageLimit(20, 100)
  limit: number = 20;

  @ThemeFilter('The candidate offers or needs this theme')
  theme?: string;

  @SubregionFilter('The candidate is in this UN M49 subregion (any letter case)')
  subregion?: string;

  @ApiPropertyOptional({ example: 50000 })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  minPopulation?: number;

  @ApiPropertyOptional({ example: 1000000 })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  maxPopulation?: number;

  @ApiPropertyOptional({ example: 'eng', description: 'The candidate uses this ISO 639-3 language' })
  @IsOptional()
  @Matches(/^[a-z]{3}$/, { message: 'language must be an ISO 639-3 code such as "eng"' })
  language?: string;

  @ApiPropertyOptional({ description: 'At most 3 candidates per country' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  diversify?: boolean;

  @ApiPropertyOptional({ description: "Add each suggestion's components and plain-language reasons" })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  explain?: boolean;
}
