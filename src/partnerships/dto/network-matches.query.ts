import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { PageLimit, PageOffset } from '../../http/paging';
import { QueryNumber } from '../../http/query-number';
import { SubregionFilter, ThemeFilter } from '../../http/query-filters';
import { isCountryCode } from '../../reference/countries';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const PAIR_RANKINGS = ['balanced', 'score'] as const;
export const PARTNERSHIP_FILTERS = ['any', 'open', 'closed', 'none'] as const;
export const INTEREST_FILTERS = ['any', 'mutual', 'one-sided', 'none'] as const;
export type PartnershipFilter = (typeof PARTNERSHIP_FILTERS)[number];
export type InterestFilter = (typeof INTEREST_FILTERS)[number];

const oneOf = (name: string, values: readonly string[]) => IsIn(values, { message: `${name} must be one of: ${values.join(', ')}` });

/** The network's mutual pairs, filtered and paged: every filter narrows the list before it is paged. */
export class NetworkMatchesQuery {
  @PageLimit(50, 500)
  limit: number = 50;

  @PageOffset()
  offset: number = 0;

  @ApiPropertyOptional({
    enum: PAIR_RANKINGS,
    default: 'balanced',
    description:
      'balanced (the default): the pairs in rounds, so that the first pages show many members and countries: taken best first, ' +
      'each pair goes into the first round in which neither member is in a pair yet and its two countries have fewer than 2 pairs; ' +
      'rounds in order, best first within a round; every pair with its exact score. score: best first only. Filters select from ' +
      'this order, so the order of two pairs never depends on the filters.',
  })
  @IsOptional()
  @oneOf('ranking', PAIR_RANKINGS)
  ranking?: (typeof PAIR_RANKINGS)[number];

  @SubregionFilter('Pairs with a member in this UN M49 subregion (any letter case)')
  subregion?: string;

  @ApiPropertyOptional({ example: 'FJ', description: 'Pairs with a member of this country (ISO 3166-1 alpha-2, any letter case)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @ValidateBy({
    name: 'isCountryCode',
    validator: { validate: isCountryCode, defaultMessage: () => 'country must be an ISO 3166-1 alpha-2 country code such as "FJ"' },
  })
  country?: string;

  @ThemeFilter('Pairs whose fit involves this theme: one member needs it and the other offers it')
  theme?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.5, description: 'Pairs scoring at least this (0 to 1)' })
  @IsOptional()
  @QueryNumber()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minScore?: number;

  @ApiPropertyOptional({
    enum: PARTNERSHIP_FILTERS,
    description:
      'Pairs by their partnerships: any (one was ever recorded, in any stage), open (one is open: not declined or ended), ' +
      'closed (all recorded ones are declined or ended), none (never one). Absent: every pair',
  })
  @IsOptional()
  @oneOf('partnership', PARTNERSHIP_FILTERS)
  partnership?: PartnershipFilter;

  @ApiPropertyOptional({
    enum: INTEREST_FILTERS,
    description:
      'Pairs by the interest their members marked in each other: any (either or both), mutual (both), one-sided (exactly one), ' +
      'none (neither). Absent: every pair',
  })
  @IsOptional()
  @oneOf('interest', INTEREST_FILTERS)
  interest?: InterestFilter;

  @ApiPropertyOptional({ description: 'Add what each side brings the other, shared needs, languages and reasons, in words' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  explain?: boolean;
}
