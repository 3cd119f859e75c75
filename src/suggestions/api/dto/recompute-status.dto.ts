import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The answer of GET /recompute/status, described for the OpenAPI document (the service builds it). */
class RecomputeQueueDto {
  @ApiProperty({ enum: ['bullmq', 'in-process'] })
  kind: 'bullmq' | 'in-process';

  @ApiPropertyOptional({ description: 'BullMQ only: whether Redis answered within a second' })
  reachable?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    nullable: true,
    description: 'BullMQ only: jobs per state; null while Redis does not answer',
  })
  counts?: Record<string, number> | null;
}

class RecomputeOutboxDto {
  @ApiProperty({ description: 'Jobs recorded with their change and not yet handed to the queue' })
  pending: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  oldest: string | null;
}

class RecomputeGenerationDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ enum: ['building', 'complete', 'failed', 'superseded'] })
  state: string;

  @ApiProperty({ example: 'nightly' })
  reason: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  weights: Record<string, number>;

  @ApiProperty()
  k: number;

  @ApiProperty()
  memberCount: number;

  @ApiProperty()
  shardsTotal: number;

  @ApiProperty()
  shardsDone: number;

  @ApiProperty({ format: 'date-time' })
  startedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  error: string | null;
}

class RecomputeBuildingDto extends RecomputeGenerationDto {
  @ApiProperty({ description: 'Shards done out of all, from 0 to 1' })
  progress: number;
}

class NightlyRecomputeDto {
  @ApiProperty({ type: String, nullable: true, example: '0 3 * * *', description: 'RECOMPUTE_CRON; null when switched off' })
  cron: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the scheduler will next start the nightly recompute (BullMQ job scheduler in Redis, or the embedded stack’s in-process one); null when none is scheduled or Redis does not answer',
  })
  nextRun: string | null;
}

class RecomputeLagDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  newestMemberChange: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastChangeApplied: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'How far the stored suggestions lag behind the newest member change' })
  behindSeconds: number | null;
}

class BalancedRunDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'When the default (balanced) lists were stored' })
  computedAt: string;

  @ApiProperty({ description: 'How long the balancing run took' })
  tookMs: number;

  @ApiProperty({ description: 'Members with a default list' })
  lists: number;

  @ApiProperty({ description: 'The generation whose weights the run used' })
  generationId: number;

  @ApiProperty({ description: 'How far the default lists lag behind the newest member change (0 when they include it)' })
  behindSeconds: number;
}

export class RecomputeStatusDto {
  @ApiProperty({ type: RecomputeQueueDto })
  queue: RecomputeQueueDto;

  @ApiProperty({ type: NightlyRecomputeDto })
  nightly: NightlyRecomputeDto;

  @ApiProperty({ type: RecomputeOutboxDto })
  outbox: RecomputeOutboxDto;

  @ApiProperty({ type: RecomputeBuildingDto, nullable: true, description: 'The generation being built, if any' })
  building: RecomputeBuildingDto | null;

  @ApiProperty({ type: RecomputeGenerationDto, nullable: true, description: 'The generation readers see' })
  current: RecomputeGenerationDto | null;

  @ApiProperty({ type: RecomputeLagDto })
  lag: RecomputeLagDto;

  @ApiProperty({ type: BalancedRunDto, nullable: true, description: 'The last balancing run of the default lists; null before the first' })
  balanced: BalancedRunDto | null;
}
