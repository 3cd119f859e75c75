import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import type { FieldError } from './field-errors';

/**
 * Errors carry `details` (a list of `{field, message}`) and any extras (such as `currentVersion`)
 * alongside the message; the error filter shapes them into the one error body.
 */
export function invalidInput(message: string, details: unknown[], extras: Record<string, unknown> = {}): BadRequestException {
  return new BadRequestException({ ...extras, message, details });
}

export function memberNotFound(id: string): NotFoundException {
  return new NotFoundException({
    message: `member "${id}" not found`,
    details: [{ field: 'id', message: `no member has the id "${id}"` }],
  });
}

export function conflict(message: string, details: FieldError[], extras: Record<string, unknown> = {}): ConflictException {
  return new ConflictException({ ...extras, message, details });
}
