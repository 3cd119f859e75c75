import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageLimit, PageOffset } from '../../http/paging';
import { USER_ROLES, USER_STATUSES, type UserRole, type UserStatus } from '../user-view';

export class ListUsersQuery {
  @ApiPropertyOptional({ example: 'ph-iloilo' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  memberId?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({ description: 'Case-insensitive part of the name or address' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @PageLimit(50, 500)
  limit: number = 50;

  @PageOffset()
  offset: number = 0;
}
