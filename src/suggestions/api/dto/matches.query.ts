import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageLimit, PageOffset } from '../../../http/paging';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The network's best pairs, paged like every other list. */
export class MatchesQuery {
  @PageLimit(50, 500)
  limit: number = 50;

  @PageOffset()
  offset: number = 0;

  @ApiPropertyOptional({ description: 'Add what each side brings the other, shared needs, languages and reasons, in words' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  explain?: boolean;
}
