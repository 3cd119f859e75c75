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

/**
 * The formatter of a time zone, made once: making one is most of the cost of a formatted date, and a
 * week's run formats one per recipient. Formatters hold no data, so nothing here goes stale.
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A date and time as the recipient reads it: "7 Dec 2026, 08:00 (GMT+8)". */
export function localDateTime(instant: Date, timeZone: string): string {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    dateTimeFormats.set(timeZone, format);
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of format.formatToParts(instant)) part[type] = value;
  return `${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute} (${part.timeZoneName})`;
}
