import { allowedMoves } from './partnership-stages';
import type { Activity, Milestone, PartnershipRecord, StageChange } from './partnership.types';

export interface PartnershipView extends PartnershipRecord {
  allowedMoves: readonly string[];
  milestones: Milestone[];
  activities: Activity[];
  history: StageChange[];
}

export function toPartnershipView(
  record: PartnershipRecord,
  parts: { milestones: Milestone[]; activities: Activity[]; history: StageChange[] },
): PartnershipView {
  return { ...record, allowedMoves: allowedMoves(record.stage), ...parts };
}

/** A pair has one spelling: the smaller id first. */
export function orderedPair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

/** Today's date (UTC) at an instant, as the date columns hold it. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The fields a request set: DTO instances carry absent fields as undefined, which must not overwrite. */
export function definedFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
