import { DateTime, type WeekdayNumbers } from 'luxon';

/** An ISO week as CityMatch writes it: 2026-W49. */
export const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The ISO week of this instant on the recipient's calendar. */
export function isoWeekOf(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

/** When a recipient's digest of this week is due: its weekday and hour, on its own clock (DST included). */
export function sendTimeOf(week: string, weekday: number, hour: number, timeZone: string): Date {
  const [, year, number] = ISO_WEEK.exec(week)!;
  return DateTime.fromObject(
    { weekYear: Number(year), weekNumber: Number(number), weekday: weekday as WeekdayNumbers, hour },
    { zone: timeZone },
  )
    .toUTC()
    .toJSDate();
}

export function weekNumberOf(week: string): number {
  return Number(ISO_WEEK.exec(week)![2]);
}

/** The week before, as an ISO week (for "last week's figures"). */
export function previousWeek(week: string): string {
  const [, year, number] = ISO_WEEK.exec(week)!;
  const before = DateTime.fromObject({ weekYear: Number(year), weekNumber: Number(number), weekday: 1 }, { zone: 'UTC' }).minus({
    weeks: 1,
  });
  return `${before.weekYear}-W${String(before.weekNumber).padStart(2, '0')}`;
}

/** A date and time as the recipient reads it. */
export function localDateTime(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("d LLL yyyy, HH:mm '('ZZZZ')'");
}
