import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Max } from 'class-validator';
import { Type } from 'class-transformer';
import { createValidationPipe } from './validation.pipe';

class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Max(100)
  limit: number = 20;
}

class SearchQuery {
  @IsString()
  q!: string;
}

const query = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'query', metatype, data: undefined });

describe('the validation pipe on an empty query', () => {
  const pipe = createValidationPipe();

  it('gives a fresh instance with the defaults every time', async () => {
    const first = await pipe.transform({}, query(PageQuery));
    const second = await pipe.transform(Object.create(null), query(PageQuery));
    expect(first).toBeInstanceOf(PageQuery);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect({ ...(second as PageQuery) }).toEqual({ limit: 20 });
  });

  it('still checks a query that is not empty', async () => {
    await pipe.transform({}, query(PageQuery));
    await expect(pipe.transform({ limit: '500' }, query(PageQuery))).rejects.toThrow(BadRequestException);
    await expect(pipe.transform({ other: '1' }, query(PageQuery))).rejects.toThrow(BadRequestException);
  });

  it('refuses an empty query every time when the DTO requires a field', async () => {
    await expect(pipe.transform({}, query(SearchQuery))).rejects.toThrow(BadRequestException);
    await expect(pipe.transform({}, query(SearchQuery))).rejects.toThrow(BadRequestException);
  });
});
