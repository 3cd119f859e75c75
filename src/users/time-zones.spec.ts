import { isTimeZone, memberTimeZone } from './time-zones';

describe('memberTimeZone', () => {
  it("takes a one-zone country's zone, whatever the coordinates", () => {
    expect(memberTimeZone('PH', 10.6969, 122.5644)).toBe('Asia/Manila');
    expect(memberTimeZone('NP', 27.7172, 85.324)).toBe('Asia/Kathmandu');
  });

  it('finds the zone from the coordinates where a country has several', () => {
    expect(memberTimeZone('AU', -33.8688, 151.2093)).toBe('Australia/Sydney');
    expect(memberTimeZone('AU', -31.9523, 115.8613)).toBe('Australia/Perth');
    expect(memberTimeZone('NZ', -43.95, -176.55)).toBe('Pacific/Chatham');
    expect(memberTimeZone('KI', 1.87, -157.4)).toBe('Pacific/Kiritimati');
    expect(memberTimeZone('ID', -6.2, 106.8167)).toBe('Asia/Jakarta');
    expect(memberTimeZone('ID', -8.65, 115.2167)).toBe('Asia/Makassar');
  });
});

describe('isTimeZone', () => {
  it('knows IANA zones and refuses the rest', () => {
    expect(isTimeZone('Pacific/Chatham')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
