import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { invalidInput } from './api-errors';
import type { FieldError } from './field-errors';
import { findUnsafeInput } from './unsafe-input';

/**
 * Runs before the validation pipe on every body, query and path parameter: refuses what no field can
 * hold before class-transformer walks it or PostgreSQL sees it, with a 400 naming the field.
 */
@Injectable()
export class UnsafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const found = findUnsafeInput(value, metadata.data ?? '');
    return found instanceof Promise ? found.then((problem) => refuseOr(value, problem)) : refuseOr(value, found);
  }
}

function refuseOr(value: unknown, problem: FieldError | undefined): unknown {
  if (problem) throw invalidInput(problem.message, [problem]);
  return value;
}
