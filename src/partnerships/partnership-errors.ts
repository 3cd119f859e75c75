import { NotFoundException } from '@nestjs/common';
import { conflict } from '../http/api-errors';
import { allowedMoves, CLOSED_STAGES, type Stage } from './partnership-stages';

export function partnershipNotFound(id: string): NotFoundException {
  return new NotFoundException({
    message: `partnership "${id}" not found`,
    details: [{ field: 'id', message: `no partnership has the id "${id}"` }],
  });
}

export function milestoneNotFound(id: string): NotFoundException {
  return new NotFoundException({
    message: `milestone "${id}" not found`,
    details: [{ field: 'milestoneId', message: `no milestone of this partnership has the id "${id}"` }],
  });
}

export function staleVersion(what: string, given: number, current: number) {
  return conflict(
    `${what} has changed since version ${given}; read it again and retry`,
    [{ field: 'version', message: `version ${given} is not the current version ${current}` }],
    { currentVersion: current },
  );
}

/** An illegal move: the answer lists the moves the table allows from here. */
export function illegalMove(from: Stage, to: Stage) {
  const allowed = allowedMoves(from);
  const message = `a partnership cannot move from ${from} to ${to}; allowed: ${allowed.join(', ') || 'none (final stage)'}`;
  return conflict(message, [{ field: 'to', message }], { from, allowed });
}

/** A change to the record of a closed partnership: the answer names its stage and the closed ones. */
export function partnershipClosed(stage: Stage, change: string) {
  const message = `this partnership is ${stage}, so it is closed: ${change} is no longer possible; open a new partnership for the pair instead`;
  return conflict(message, [{ field: 'stage', message }], { stage, closedStages: CLOSED_STAGES });
}

export function pairAlreadyOpen(existingId: string) {
  const location = `/api/v1/partnerships/${existingId}`;
  const message = `these members already have an open partnership: ${location}`;
  return conflict(message, [{ field: 'memberB', message }], { partnershipId: existingId, location });
}

/** Postgres' unique_violation: another transaction opened the same pair first. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}
