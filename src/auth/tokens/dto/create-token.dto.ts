import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { MEMBER_ID } from '../../../members';
import { ROLES, type Role } from '../../roles';

export class CreateTokenDto {
  @ApiProperty({ example: 'Iloilo international relations office' })
  @IsString()
  @Length(1, 200)
  label: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ example: 'gn-1711005', description: 'Required for city_official: the member the token acts for' })
  @IsOptional()
  @IsString()
  @Matches(MEMBER_ID, { message: 'memberId must be a member id' })
  memberId?: string;

  @ApiPropertyOptional({ example: '2027-06-30T00:00:00Z', description: 'When the token stops working; none means never' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt?: string;
}
