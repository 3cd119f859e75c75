import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';

export interface Place {
  id: string;
  name: string;
  lon: number;
  lat: number;
  kind: 'home' | 'candidate' | 'member';
}
export interface Link {
  from: Place;
  to: Place;
  label: string;
}

const WIDTH = 960;
const HEIGHT = 500;
const topology = atlas as unknown as Topology<{ countries: GeometryCollection }>;
const countries = feature(topology, topology.objects.countries);

/**
 * Natural Earth outlines shipped in the bundle (no tile server), turned so the map is centred on
 * 150°E: Fiji, Samoa and Tonga sit together instead of at the two edges of the map.
 */
const projection = geoNaturalEarth1()
  .rotate([-150, 0])
  .fitExtent(
    [
      [4, 4],
      [WIDTH - 4, HEIGHT - 4],
    ],
    { type: 'Sphere' },
  );
const path = geoPath(projection);
const outlines = path(countries) ?? '';
const graticule = path(geoGraticule10()) ?? '';
const sphere = path({ type: 'Sphere' }) ?? '';

export function WorldMap({ places, links = [], label }: { places: Place[]; links?: Link[]; label: string }) {
  return (
    <figure className="map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <path d={sphere} className="map-sea" />
        <path d={graticule} className="map-graticule" />
        <path d={outlines} className="map-land" />
        {links.map((link) => (
          <path
            key={`${link.from.id}-${link.to.id}`}
            className="map-link"
            d={
              path({
                type: 'LineString',
                coordinates: [
                  [link.from.lon, link.from.lat],
                  [link.to.lon, link.to.lat],
                ],
              }) ?? ''
            }
          >
            <title>{link.label}</title>
          </path>
        ))}
        {places.map((place) => {
          const point = projection([place.lon, place.lat]);
          if (!point) return null;
          return (
            <circle key={place.id} cx={point[0]} cy={point[1]} r={place.kind === 'home' ? 7 : 5} className={`map-marker map-${place.kind}`}>
              <title>{place.name}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
