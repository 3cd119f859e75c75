import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Min, ValidateIf, ValidateNested } from 'class-validator';
import { MEMBER_LEVELS, type MemberLevel } from '../member-record';
import { MemberContactDto, MemberRecordDto } from './member-record.dto';

const present = (_: object, value: unknown) => value !== undefined;

/**
 * A partial change; `version` must be the one the caller read, or the change is refused with 409.
 * A field may be left out, but not set to null (except `contact`, which null clears).
 */
export class UpdateMemberDto extends PartialType(OmitType(MemberRecordDto, ['id', 'level', 'synthetic', 'contact'] as const), {
  skipNullProperties: false,
}) {
  @ApiProperty({ example: 3, description: 'The version the change is based on' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ enum: MEMBER_LEVELS })
  @ValidateIf(present)
  @IsIn(MEMBER_LEVELS)
  level?: MemberLevel;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsBoolean()
  synthetic?: boolean;

  @ApiPropertyOptional({ type: MemberContactDto, nullable: true, description: 'null clears the contact' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MemberContactDto)
  contact?: MemberContactDto | null;
}
