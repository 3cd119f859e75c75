import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';
import { MEMBER_ID } from '../../members';

export class CreateInterestDto {
  @ApiProperty({ example: 'gn-1701668', description: 'The candidate the member is interested in' })
  @IsString()
  @Matches(MEMBER_ID, { message: 'candidateId must be a member id' })
  candidateId: string;

  @ApiPropertyOptional({ type: [String], example: ['climate-adaptation'], description: 'Themes the member wants to work on' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  themes?: string[];

  @ApiPropertyOptional({ example: 'We would like to learn from your flood early-warning system.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  message?: string;
}
