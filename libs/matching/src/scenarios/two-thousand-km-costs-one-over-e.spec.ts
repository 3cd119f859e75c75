import { city } from '../../test-support/city';
import { distanceKm, geoProximity } from '..';

describe('2,000 km of distance costs a factor 1/e', () => {
  // On the equator, 2,000 km is 2000 / 6371.0088 rad = 17.98656...°.
  const degrees = (2000 / 6371.0088) * (180 / Math.PI);

  it('measures great circles on a sphere of radius 6371.0088 km', () => {
    expect(distanceKm(city('a'), city('b', { lon: degrees }))).toBeCloseTo(2000, 9);
    // A quarter of a meridian: 6371.0088 · π/2 = 10007.5576 km.
    expect(distanceKm(city('a'), city('pole', { lat: 90 }))).toBeCloseTo(6371.0088 * (Math.PI / 2), 9);
    // Tokyo (35.68, 139.69) to Manila (14.60, 120.98): about 2,996 km.
    expect(distanceKm(city('tokyo', { lat: 35.68, lon: 139.69 }), city('manila', { lat: 14.6, lon: 120.98 }))).toBeCloseTo(2996, -1);
  });

  it('gives 1 in the same place, 1/e at 2,000 km, 1/e² at 4,000 km', () => {
    expect(geoProximity(city('a'), city('b'))).toBe(1);
    expect(geoProximity(city('a'), city('b', { lon: degrees }))).toBeCloseTo(Math.exp(-1), 12);
    expect(geoProximity(city('a'), city('b', { lon: 2 * degrees }))).toBeCloseTo(Math.exp(-2), 12);
  });

  it('stays accurate for cities a few hundred metres apart', () => {
    // 0.001° of longitude on the equator: 6371.0088 · 0.001 · π/180 = 0.111195 km.
    expect(distanceKm(city('a'), city('b', { lon: 0.001 }))).toBeCloseTo(0.111195, 6);
  });
});
