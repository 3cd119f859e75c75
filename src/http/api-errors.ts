import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';

/** Errors carry `details` alongside the message; the error filter shapes them into the common body. */
export function invalidInput(message: string, details: unknown[]): BadRequestException {
  return new BadRequestException({ message, details });
}

export function memberNotFound(id: string): NotFoundException {
  return new NotFoundException({ message: `member "${id}" not found` });
}

export function conflict(message: string, details?: Record<string, unknown>): ConflictException {
  return new ConflictException({ message, details });
}
