import { ConflictException, NotFoundException } from '@nestjs/common';
import { allowedMoves, type Stage } from './partnership-stages';

export function partnershipNotFound(id: string): NotFoundException {
  return new NotFoundException({ message: `partnership "${id}" not found` });
}

export function milestoneNotFound(id: string): NotFoundException {
  return new NotFoundException({ message: `milestone "${id}" not found` });
}

export function staleVersion(what: string, given: number, current: number): ConflictException {
  return new ConflictException({
    message: `${what} has changed since version ${given}; read it again and retry`,
    details: { currentVersion: current },
  });
}

/** An illegal move: the answer lists the moves the table allows from here. */
export function illegalMove(from: Stage, to: Stage): ConflictException {
  const allowed = allowedMoves(from);
  return new ConflictException({
    message: `a partnership cannot move from ${from} to ${to}; allowed: ${allowed.join(', ') || 'none (final stage)'}`,
    details: { from, to, allowed },
  });
}

export function pairAlreadyOpen(existingId: string): ConflictException {
  return new ConflictException({
    message: `these members already have an open partnership: /api/v1/partnerships/${existingId}`,
    details: { partnershipId: existingId, location: `/api/v1/partnerships/${existingId}` },
  });
}

/** Postgres' unique_violation: another transaction opened the same pair first. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}
