import { DateTime } from 'luxon';
import { isoWeekOf, localDateTime, previousWeek, sendTimeOf } from './iso-week';

describe('digest send times on the recipient’s clock', () => {
  it('Monday 08:00 in zones with odd offsets', () => {
    expect(sendTimeOf('2026-W49', 1, 8, 'Asia/Kathmandu').toISOString()).toBe('2026-11-30T02:15:00.000Z');
    expect(sendTimeOf('2026-W49', 1, 8, 'Pacific/Kiritimati').toISOString()).toBe('2026-11-29T18:00:00.000Z');
    // Chatham: +13:45 in its summer, +12:45 in its winter.
    expect(sendTimeOf('2026-W49', 1, 8, 'Pacific/Chatham').toISOString()).toBe('2026-11-29T18:15:00.000Z');
    expect(sendTimeOf('2026-W27', 1, 8, 'Pacific/Chatham').toISOString()).toBe('2026-06-28T19:15:00.000Z');
  });

  it('Sydney across its October change (AEST +10 → AEDT +11 on 4 October 2026)', () => {
    expect(sendTimeOf('2026-W40', 1, 8, 'Australia/Sydney').toISOString()).toBe('2026-09-27T22:00:00.000Z');
    expect(sendTimeOf('2026-W41', 1, 8, 'Australia/Sydney').toISOString()).toBe('2026-10-04T21:00:00.000Z');
  });

  it('names the ISO week on the local calendar, and the week before', () => {
    expect(isoWeekOf(new Date('2026-11-29T18:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-W49');
    expect(isoWeekOf(new Date('2026-11-29T18:30:00Z'), 'UTC')).toBe('2026-W48');
    expect(previousWeek('2027-W01')).toBe('2026-W53');
  });

  it('writes the local date and time with the offset in force, as luxon reads the zone', () => {
    expect(localDateTime(new Date('2026-11-30T02:15:00Z'), 'Asia/Kathmandu')).toBe('30 Nov 2026, 08:00 (GMT+5:45)');
    expect(localDateTime(new Date('2026-11-29T18:15:00Z'), 'Pacific/Chatham')).toBe('30 Nov 2026, 08:00 (GMT+13:45)');
    expect(localDateTime(new Date('2026-06-28T19:15:00Z'), 'Pacific/Chatham')).toBe('29 Jun 2026, 08:00 (GMT+12:45)');
    expect(localDateTime(new Date('2026-11-29T18:00:00Z'), 'Pacific/Kiritimati')).toBe('30 Nov 2026, 08:00 (GMT+14)');
    expect(localDateTime(new Date('2026-09-05T16:05:00Z'), 'UTC')).toBe('5 Sep 2026, 16:05 (UTC)');
    // Midnight is 00, not 24; every hour of a year across Sydney's two changes reads as luxon writes it.
    expect(localDateTime(new Date('2026-10-04T13:00:00Z'), 'Australia/Sydney')).toBe('5 Oct 2026, 00:00 (GMT+11)');
    for (let hour = 0; hour < 366 * 24; hour += 53) {
      const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000 + 37 * 60_000);
      for (const zone of ['Australia/Sydney', 'Asia/Manila', 'America/New_York'])
        expect(localDateTime(instant, zone)).toBe(DateTime.fromJSDate(instant, { zone }).toFormat("d LLL yyyy, HH:mm '('ZZZZ')'"));
    }
  });
});
