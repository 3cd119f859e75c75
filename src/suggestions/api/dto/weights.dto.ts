import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';

/** Missing weights keep their defaults; the result is scaled to sum to 1. */
export class WeightsDto {
  @ApiPropertyOptional({ example: 0.45 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  thematic?: number;

  @ApiPropertyOptional({ example: 0.15 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  shared?: number;

  @ApiPropertyOptional({ example: 0.15 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  population?: number;

  @ApiPropertyOptional({ example: 0.1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  geo?: number;

  @ApiPropertyOptional({ example: 0.15 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  language?: number;
}
