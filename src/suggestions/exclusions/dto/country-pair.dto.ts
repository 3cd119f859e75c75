import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString } from 'class-validator';

/** Two countries whose members are never matched, in either order. */
export class CountryPairDto {
  @ApiProperty({ example: ['CN', 'TW'], description: 'Two different ISO 3166-1 alpha-2 codes' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsString({ each: true })
  countries: string[];
}
