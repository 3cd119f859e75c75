import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { MEMBER_ID } from '../../../members';

export class CreateDismissalDto {
  @ApiProperty({ example: 'gn-1701668', description: 'The candidate the member is not interested in' })
  @IsString()
  @Matches(MEMBER_ID, { message: 'candidateId must be a member id' })
  candidateId: string;

  @ApiPropertyOptional({ example: 'Already cooperating through another network' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
