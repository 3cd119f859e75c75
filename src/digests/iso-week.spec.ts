import { isoWeekOf, previousWeek, sendTimeOf } from './iso-week';

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
});
