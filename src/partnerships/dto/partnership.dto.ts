import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { MEMBER_ID } from '../../members';
import { describeTransitions, STAGES, type Stage } from '../partnership-stages';
import { KINDS, type PartnershipKind } from '../partnership.types';

const DATE = { strict: true } as const;

export class OpenPartnershipDto {
  @ApiProperty({ example: 'gn-1701668' })
  @IsString()
  @Matches(MEMBER_ID, { message: 'memberA must be a member id' })
  memberA: string;

  @ApiProperty({ example: 'gn-1850147' })
  @IsString()
  @Matches(MEMBER_ID, { message: 'memberB must be a member id' })
  memberB: string;

  @ApiPropertyOptional({ enum: KINDS, default: 'twinning' })
  @IsOptional()
  @IsIn(KINDS)
  kind?: PartnershipKind;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  themes?: string[];

  @ApiPropertyOptional({ description: 'The secretariat member who owns the partnership', example: 'Aiko Tanaka' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  owner?: string;

  @ApiPropertyOptional({ example: 'Introduce the two mayors' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  nextStep?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsDateString(DATE)
  nextStepDue?: string;
}

/** Secretariat changes that are not stage moves; `version` as read, else 409. */
export class UpdatePartnershipDto extends PartialType(OmitType(OpenPartnershipDto, ['memberA', 'memberB'] as const)) {
  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  version: number;
}

export class AgreementDto {
  @ApiProperty({ example: '2026-11-20' })
  @IsDateString(DATE)
  signedOn: string;

  @ApiPropertyOptional({ example: '2029-11-19' })
  @IsOptional()
  @IsDateString(DATE)
  termEndsOn?: string;

  @ApiProperty({ type: [String], example: ['Mayor of Cebu', 'Mayor of Kitakyushu'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  signatories: string[];

  @ApiPropertyOptional({ example: 'MoU-2026-014' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string;

  @ApiPropertyOptional({ example: 'https://example.org/mou.pdf' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  documentUrl?: string;
}

export class TransitionDto {
  @ApiProperty({ enum: STAGES, description: `Allowed moves: ${describeTransitions()}` })
  @IsIn(STAGES)
  to: Stage;

  @ApiProperty({ example: 3, description: 'The version the move is based on' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;

  @ApiPropertyOptional({ description: 'Required when declining or ending' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'When ending: the date it ended (today when absent)' })
  @IsOptional()
  @IsDateString(DATE)
  endedOn?: string;

  @ApiPropertyOptional({ type: AgreementDto, description: 'Required when moving to agreement' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgreementDto)
  agreement?: AgreementDto;
}
