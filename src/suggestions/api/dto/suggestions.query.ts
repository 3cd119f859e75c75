import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Min } from 'class-validator';
import { PageLimit } from '../../../http/paging';
import { QueryNumber } from '../../../http/query-number';
import { SubregionFilter, ThemeFilter } from '../../../http/query-filters';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const RANKINGS = ['balanced', 'score'] as const;
export type Ranking = (typeof RANKINGS)[number];

export class SuggestionsQuery {
  @ApiPropertyOptional({
    enum: RANKINGS,
    default: 'balanced',
    description:
      'balanced (the default): at most 5 candidates of one country in the first 20, every member seen in a few lists and none ' +
      'flooded, each entry with its exact score; score: the pure score ranking. Filters, and a limit above 20, always rank by score.',
  })
  @IsOptional()
  @IsIn(RANKINGS, { message: `ranking must be one of: ${RANKINGS.join(', ')}` })
  ranking?: Ranking;

  /** Above 20 the answer is ranked by score; above the stored list's length, over all members, like a filtered one. */
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
