import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class SuggestionsQuery {
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
