import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsTimeZone, Max, Min, ValidateIf } from 'class-validator';

const present = (_: object, value: unknown) => value !== undefined;

/** What every user may change about itself: when and whether it gets digests, and its time zone. */
export class UserSettingsDto {
  @ApiPropertyOptional({ example: true, description: 'Whether the weekly digest is sent' })
  @ValidateIf(present)
  @IsBoolean()
  digestEnabled?: boolean;

  @ApiPropertyOptional({ example: 1, description: 'ISO weekday of the digest, 1 = Monday … 7 = Sunday' })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(7)
  digestWeekday?: number;

  @ApiPropertyOptional({ example: 8, description: 'Local hour of the digest, 0-23' })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour?: number;

  @ApiPropertyOptional({ example: 'Asia/Manila', nullable: true, description: 'IANA time zone; null follows the member’s' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Asia/Manila' })
  timeZone?: string | null;
}
