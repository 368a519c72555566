import { MEMBERS } from '../reference-data/members.data.ts';
import { MUNICIPALITY_FACTS } from '../scale-data/municipality-facts.data.ts';

/**
 * Distances between municipalities, from one provider: great-circle km (haversine, mean Earth
 * radius 6371.0088 km, as refdata/municipalities/distance_matrix_9.json) times a road-proxy
 * factor of 1.3, between town halls for the nine members (their sites) and area centroids
 * (refdata dk_kommuner_centroids.json) for any other municipality. For the nine this is the
 * refdata's `road_proxy_km_factor_1_3` (planning-distances.rules.test.ts checks it).
 */

export const EARTH_RADIUS_KM = 6371.0088;
export const ROAD_PROXY_FACTOR = 1.3;

export type Point = { lat: number; lon: number };

export function greatCircleKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const TOWN_HALLS = new Map(MEMBERS.map((m) => [m.code, { lat: m.lat, lon: m.lon }]));
const CENTROIDS = new Map(MUNICIPALITY_FACTS.map(([code, , lat, lon]) => [code, { lat, lon }]));

/** The point a municipality's distances are measured from: its town hall (the nine), else its centroid. */
export function municipalityPoint(code: string): Point | undefined {
  return TOWN_HALLS.get(code) ?? CENTROIDS.get(code);
}

/** The one-way road-proxy km matrix for the given municipalities, rounded to 0.1 km as the refdata. */
export function roadProxyMatrix(codes: readonly string[]): number[][] {
  const points = codes.map((code) => {
    const p = municipalityPoint(code);
    if (!p) throw new Error(`municipalityCodes: no location for municipality ${code}`);
    return p;
  });
  return points.map((a) => points.map((b) => Math.round(greatCircleKm(a, b) * ROAD_PROXY_FACTOR * 10) / 10));
}

export function knownMunicipality(code: string): boolean {
  return municipalityPoint(code) !== undefined;
}
