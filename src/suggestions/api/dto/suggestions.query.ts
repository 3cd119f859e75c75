import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

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

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ example: 'disaster-resilience', description: 'The candidate offers or needs this theme' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'theme must be a theme slug' })
  theme?: string;

  @ApiPropertyOptional({ example: 'Melanesia' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  subregion?: string;

  @ApiPropertyOptional({ example: 50000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  minPopulation?: number;

  @ApiPropertyOptional({ example: 1000000 })
  @IsOptional()
  @Type(() => Number)
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
