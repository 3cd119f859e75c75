/**
 * Child process of bench:pipeline: the suggestions route as the framework serves it, without the
 * database. Same adapter, validation pipe, query DTO and request logger as the API; the answer is a
 * fixed list of 20 suggestions. Its speed is the ceiling of any fix that keeps the route in Nest.
 */
import 'reflect-metadata';
import { Controller, Get, Module, Param, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import { logRequests } from '../../../src/app/logging';
import { createValidationPipe } from '../../../src/http/validation.pipe';
import { SuggestionsQuery } from '../../../src/suggestions/api/dto/suggestions.query';

const suggestions = Array.from({ length: 20 }, (_, i) => ({
  rank: i + 1,
  memberId: `gn-${1_000_000 + i}`,
  name: `City ${i}`,
  country: 'JP',
  subregion: 'Eastern Asia',
  population: 123_456,
  score: 0.5,
}));

@Controller('members/:id')
class FixedSuggestionsController {
  @Get('suggestions')
  list(@Param('id') id: string, @Query() query: SuggestionsQuery) {
    return { memberId: id, generation: { id: 1, computedAt: null }, filtered: false, suggestions: suggestions.slice(0, query.limit) };
  }
}

@Module({ controllers: [FixedSuggestionsController] })
class ReferenceModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(ReferenceModule, new FastifyAdapter(), { logger: false });
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(createValidationPipe());
  logRequests(app, pino({ level: 'warn' }));
  await app.listen(Number(process.argv[2]), '127.0.0.1');
}

void main();
