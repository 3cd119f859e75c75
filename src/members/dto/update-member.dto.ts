import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { MemberRecordDto } from './member-record.dto';

/** A partial change; `version` must be the one the caller read, or the change is refused with 409. */
export class UpdateMemberDto extends PartialType(OmitType(MemberRecordDto, ['id'] as const)) {
  @ApiProperty({ example: 3, description: 'The version the change is based on' })
  @IsInt() @Min(1)
  version: number;
}
