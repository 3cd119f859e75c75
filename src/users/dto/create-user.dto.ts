import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { USER_ROLES, type UserRole } from '../user-view';
import { UserSettingsDto } from './user-settings';

export class CreateUserDto extends UserSettingsDto {
  @ApiProperty({ example: 'maria.santos@iloilocity.gov.ph' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @Length(3, 254)
  email: string;

  @ApiProperty({ example: 'Maria Santos' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role: UserRole;

  @ApiPropertyOptional({ example: 'ph-iloilo', description: 'The member a city official acts for; none for the secretariat' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  memberId?: string;
}
