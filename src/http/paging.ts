import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryNumber } from './query-number';

/** A page size from the query string: a whole number from 1 to `maximum` (the property's initial value is the default). */
export function PageLimit(defaultLimit: number, maximum: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ default: defaultLimit, maximum }),
    IsOptional(),
    QueryNumber(),
    IsInt(),
    Min(1),
    Max(maximum),
  );
}

/** Deeper pages than this are a scan, not a page (and 1e20 would overflow PostgreSQL's bigint): filter instead. */
export const MAX_OFFSET = 1_000_000;

/** The `offset` of a paged list: a whole number from 0 to MAX_OFFSET. */
export function PageOffset(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET }),
    IsOptional(),
    QueryNumber(),
    Max(MAX_OFFSET, { message: `offset must be at most ${MAX_OFFSET}; narrow the list with filters instead` }),
    Min(0, { message: 'offset must be 0 or more' }),
    IsInt(),
  );
}
