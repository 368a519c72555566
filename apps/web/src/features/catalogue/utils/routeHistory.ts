import type { RoutingEntry } from '@samkraft/contracts/catalogue';

export type RouteState = 'current' | 'future' | 'ended';

/** Where a route stands on `today`: valid now, starting later, or ended (kept as history). */
export function routeState(r: Pick<RoutingEntry, 'validFrom' | 'validTo'>, today: string): RouteState {
  if (r.validTo !== null && r.validTo < today) return 'ended';
  if (r.validFrom > today) return 'future';
  return 'current';
}

/** The routes of one home municipality (or all), by home municipality name, each one's history in date order. */
export function routesFor(routes: readonly RoutingEntry[], homeCode: string | null, nameOf: (code: string) => string): RoutingEntry[] {
  return routes
    .filter((r) => homeCode === null || r.homeMunicipalityCode === homeCode)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => nameOf(a.r.homeMunicipalityCode).localeCompare(nameOf(b.r.homeMunicipalityCode), 'da') || a.r.validFrom.localeCompare(b.r.validFrom) || a.i - b.i)
    .map(({ r }) => r);
}

