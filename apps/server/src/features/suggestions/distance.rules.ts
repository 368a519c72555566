import { DISTANCE_CODES, TOWNHALL_KM } from '../reference-data/distances.data.ts';

/**
 * Great-circle km between two town halls (refdata/municipalities/distance_matrix_9.json). A lower
 * bound on the road distance, used until citizens' and places' addresses are geocoded; null for a
 * municipality outside the nine.
 */
export function municipalityDistanceKm(a: string, b: string): number | null {
  const i = DISTANCE_CODES.indexOf(a);
  const j = DISTANCE_CODES.indexOf(b);
  if (i < 0 || j < 0) return null;
  return TOWNHALL_KM[i]?.[j] ?? null;
}
