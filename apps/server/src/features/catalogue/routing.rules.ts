import { AppError } from '../../platform/errors.ts';

export type Period = { validFrom: string; validTo: string | null };

/** Two periods of whole days (`validTo` inclusive, null = open) share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aEndsBeforeB = a.validTo !== null && a.validTo < b.validFrom;
  const bEndsBeforeA = b.validTo !== null && b.validTo < a.validFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/**
 * A home municipality is routed to an offering of an intervention by one period at a time: a new
 * or shortened route must not share a day with another route of the same three. `field` is the
 * field the administrator changed (validFrom for a new route, validTo for an ended one).
 */
export function checkNoOverlap(route: Period, others: readonly (Period & { id: string })[], field: 'validFrom' | 'validTo'): void {
  const clash = others.find((o) => periodsOverlap(route, o));
  if (clash) {
    throw AppError.validation([
      { field, code: 'overlapping_route', message: `overlaps the route valid from ${clash.validFrom}${clash.validTo ? ` to ${clash.validTo}` : ''}`, params: { validFrom: clash.validFrom, validTo: clash.validTo ?? '' } },
    ]);
  }
}

/**
 * Ending a route keeps it as history: the end is on or after its start, and an already ended
 * route is only ended earlier, never reopened or lengthened (that would be a new route).
 */
export function checkEnd(route: Period, validTo: string): void {
  if (validTo < route.validFrom) {
    throw AppError.validation([{ field: 'validTo', code: 'before_valid_from', message: `must be on or after validFrom ${route.validFrom}`, params: { validFrom: route.validFrom } }]);
  }
  if (route.validTo !== null && validTo >= route.validTo) {
    throw AppError.validation([{ field: 'validTo', code: 'already_ended', message: `the route already ends on ${route.validTo}`, params: { validTo: route.validTo } }]);
  }
}
