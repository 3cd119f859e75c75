import { ApiPropertyOptional, IntersectionType, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { MEMBER_ID } from '../validation/member-validators';
import { MemberRecordDto } from './member-record.dto';

class OptionalIdDto {
  @ApiPropertyOptional({ example: 'c1', description: 'Generated when absent' })
  @IsOptional()
  @IsString()
  @Matches(MEMBER_ID, { message: 'id must be 1-64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit' })
  id?: string;
}

/** A new member: the record format, where id, status, partners and dismissed may be left out. */
export class CreateMemberDto extends IntersectionType(
  OmitType(MemberRecordDto, ['id', 'status', 'partners', 'dismissed'] as const),
  PartialType(PickType(MemberRecordDto, ['status', 'partners', 'dismissed'] as const)),
  OptionalIdDto,
) {}
