import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, Length, Min, ValidateIf } from 'class-validator';
import { ACTIVITY_KINDS, type ActivityKind } from '../partnership.types';

const DATE = { strict: true } as const;

export class CreateMilestoneDto {
  @ApiProperty({ example: 'Joint action plan adopted by both councils' })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiProperty({ example: '2027-03-31' })
  @IsDateString(DATE)
  dueOn: string;

  @ApiPropertyOptional({ example: 'International relations office, Cebu' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  responsible?: string;
}

export class UpdateMilestoneDto {
  @ApiProperty({ example: 1, description: "The milestone's version as read" })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString(DATE)
  dueOn?: string;

  @ApiPropertyOptional({ nullable: true, description: 'The day it was done; null reopens it' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsDateString(DATE)
  doneOn?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  responsible?: string;
}

export class CreateActivityDto {
  @ApiProperty({ example: '2026-11-02', description: 'When it took place; not in the future' })
  @IsDateString(DATE)
  occurredOn: string;

  @ApiProperty({ enum: ACTIVITY_KINDS })
  @IsIn(ACTIVITY_KINDS)
  kind: ActivityKind;

  @ApiProperty({ example: 'Study visit on solid-waste sorting' })
  @IsString()
  @Length(1, 4000)
  summary: string;

  @ApiPropertyOptional({ type: [String], example: ['Deputy mayor, Cebu', 'Environment bureau, Kitakyushu'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  participants?: string[];
}
