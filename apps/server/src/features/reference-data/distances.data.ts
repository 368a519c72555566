/**
 * Great-circle km between the nine town halls: `townhall_great_circle_km` copied from
 * refdata/municipalities/distance_matrix_9.json (computed, trust C; a lower bound on road distance).
 * Read in memory (not seeded) by suggestions, transport and the demo's routing;
 * demo-hosting.test.ts checks it against the JSON.
 */

export const DISTANCE_CODES: readonly string[] = ['0151', '0240', '0190', '0157', '0159', '0163', '0173', '0230', '0175'];

export const TOWNHALL_KM: readonly (readonly number[])[] = [
  [0, 13.07, 5.34, 11.87, 7.85, 4.81, 9.63, 10.96, 8.18],
  [13.07, 0, 11.64, 23.46, 20.07, 17.72, 20.11, 18.05, 21.07],
  [5.34, 11.64, 0, 11.92, 8.96, 7.78, 8.47, 7.2, 12.46],
  [11.87, 23.46, 11.92, 0, 4.13, 7.64, 3.78, 8.48, 9.88],
  [7.85, 20.07, 8.96, 4.13, 0, 3.52, 3.77, 8.31, 6.76],
  [4.81, 17.72, 7.78, 7.64, 3.52, 0, 6.6, 9.99, 4.92],
  [9.63, 20.11, 8.47, 3.78, 3.77, 6.6, 0, 4.98, 10.52],
  [10.96, 18.05, 7.2, 8.48, 8.31, 9.99, 4.98, 0, 14.65],
  [8.18, 21.07, 12.46, 9.88, 6.76, 4.92, 10.52, 14.65, 0],
];

export function townHallDistanceKm(a: string, b: string): number {
  const i = DISTANCE_CODES.indexOf(a);
  const j = DISTANCE_CODES.indexOf(b);
  const km = TOWNHALL_KM[i]?.[j];
  if (km === undefined) throw new Error(`no distance between ${a} and ${b}`);
  return km;
}
