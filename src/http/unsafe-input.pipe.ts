import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { invalidInput } from './api-errors';
import { findUnsafeInput } from './unsafe-input';

/**
 * Runs before the validation pipe on every body, query and path parameter: refuses what no field can
 * hold before class-transformer walks it or PostgreSQL sees it, with a 400 naming the field.
 */
@Injectable()
export class UnsafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problem = findUnsafeInput(value, metadata.data ?? '');
    if (problem) throw invalidInput(problem.message, [problem]);
    return value;
  }
}
