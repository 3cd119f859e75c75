import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsString, Length, Min, ValidateIf } from 'class-validator';
import { USER_ROLES, USER_STATUSES, type UserRole, type UserStatus } from '../user-view';
import { UserSettingsDto } from './user-settings';

const present = (_: object, value: unknown) => value !== undefined;

/** A partial change; `version` must be the one the caller read, or the change is refused with 409. */
export class UpdateUserDto extends UserSettingsDto {
  @ApiProperty({ example: 1, description: 'The version the change is based on' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'Secretariat and admins only' })
  @ValidateIf(present)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @Length(3, 254)
  email?: string;

  @ApiPropertyOptional({ enum: USER_ROLES, description: 'Secretariat and admins only' })
  @ValidateIf(present)
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ nullable: true, description: 'Secretariat and admins only' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString()
  @Length(1, 64)
  memberId?: string | null;

  @ApiPropertyOptional({ enum: USER_STATUSES, description: 'Secretariat and admins only; deactivation ends its sessions' })
  @ValidateIf(present)
  @IsIn(USER_STATUSES)
  status?: UserStatus;
}

/** The fields only the secretariat and admins change. */
export const STAFF_ONLY_USER_FIELDS = ['email', 'role', 'memberId', 'status'] as const;
