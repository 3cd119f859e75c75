import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MEMBER_LEVELS,
  MEMBER_STATUSES,
  type MemberContact,
  type MemberLevel,
  type MemberRecord,
  type MemberStatus,
  type ThemeLevels,
} from '../member-record';
import { IsCountryCode, IsLanguageCodes, IsMemberIdList, IsThemeLevels, MEMBER_ID } from '../validation/member-validators';

export class MemberContactDto implements MemberContact {
  @ApiPropertyOptional({ example: 'Maria Santos', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string | null;

  @ApiPropertyOptional({ example: 'international@iloilocity.gov.ph', nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'contact.email must be an e-mail address' })
  email?: string | null;
}

const MAX_POPULATION = 2_000_000_000;
const MAX_CAPACITY = 100;

/** One member in the record format: the body of a create, and each element of a bulk import. */
export class MemberRecordDto implements MemberRecord {
  @ApiProperty({ example: 'c1', description: 'Stable id; letters, digits and . _ : -, up to 64 characters' })
  @IsString()
  @Matches(MEMBER_ID, { message: 'id must be 1-64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit' })
  id: string;

  @ApiProperty({ example: 'Surabaya' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'ID', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  country: string;

  @ApiProperty({ example: 2874314 })
  @IsInt()
  @Min(1)
  @Max(MAX_POPULATION)
  population: number;

  @ApiProperty({ example: -7.2492 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat: number;

  @ApiProperty({ example: 112.7508 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  lon: number;

  @ApiProperty({ example: ['ind', 'eng'], description: 'ISO 639-3 codes, at least one' })
  @IsLanguageCodes()
  languages: string[];

  @ApiPropertyOptional({ enum: MEMBER_LEVELS, default: 'city' })
  @IsOptional()
  @IsIn(MEMBER_LEVELS)
  level?: MemberLevel;

  @ApiProperty({ enum: MEMBER_STATUSES, example: 'active' })
  @IsIn(MEMBER_STATUSES)
  status: MemberStatus;

  @ApiProperty({ example: { 'climate-change': 3 }, description: 'Theme slug → priority 1-3' })
  @IsObject()
  @IsThemeLevels()
  needs: ThemeLevels;

  @ApiProperty({ example: { 'disaster-resilience': 2 }, description: 'Theme slug → expertise 1-3' })
  @IsObject()
  @IsThemeLevels()
  offers: ThemeLevels;

  @ApiProperty({ example: ['c7'], description: 'Members it already has an agreement with' })
  @IsMemberIdList()
  partners: string[];

  @ApiProperty({ example: [], description: 'Candidates it marked "not interested"' })
  @IsMemberIdList()
  dismissed: string[];

  @ApiPropertyOptional({ type: MemberContactDto, description: 'Not public' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MemberContactDto)
  contact?: MemberContactDto;

  @ApiPropertyOptional({ default: true, description: 'False: takes on no new partnerships and is never suggested' })
  @IsOptional()
  @IsBoolean()
  openToPartnerships?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    minimum: 0,
    maximum: MAX_CAPACITY,
    example: 3,
    description: 'New partnerships it can take on; each allows 5 appearances in other members’ default lists (null: not stated)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CAPACITY)
  capacity?: number | null;

  @ApiPropertyOptional({ description: 'True for generated demo profiles' })
  @IsOptional()
  @IsBoolean()
  synthetic?: boolean;
}
