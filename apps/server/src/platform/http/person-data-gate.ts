/*
 * A staff session signed in below the NSIS level person data asks (features/auth: the provider's
 * level against the configured one) reaches citizens' information nowhere. The citizen and course
 * access rules refuse it one record at a time; this gate refuses it every route but these, which
 * carry no citizen's data — so a list (a worklist, an inbox, a team's attendance, an export) is
 * refused too, and a new route is refused until it is named here. Deny by default.
 */

/** Routes (as registered, `:param` patterns) open to a session below the person-data level: each an exact path or a prefix ending in `/`. */
const withoutPersonData: readonly string[] = [
  // One's own account and sign-in.
  '/api/auth/',
  '/api/me/',
  // Reference data and the catalogue.
  '/api/catalogue/',
  '/api/municipalities',
  '/api/municipalities/:code/transport',
  '/api/transport-rules',
  '/api/diagnoses',
  '/api/assessment-items',
  '/api/deadline-policies',
  '/api/closing-days',
  '/api/closing-days/',
  '/api/organisations',
  '/api/organisations/',
  '/api/kl-gateway/mapping',
  // Staff and sign-in administration (staff data, no citizen's).
  '/api/admin/',
  // Aggregates with small numbers suppressed: the steering group's figures.
  '/api/reports',
  '/api/reports/',
  '/api/dashboard',
  '/api/dashboard/',
  '/api/settlement/',
  '/api/planning/',
];

/** The FHIR API's resource types without a citizen's data (its routes are `/fhir/:type…`, so the path decides). */
const fhirWithoutPersonData = /^\/fhir\/(metadata|Organization)(\/[^/?]*)?(\?.*)?$/;

/**
 * Whether a session below the person-data level may call the route registered as `routeUrl`,
 * asked for as `path` (the request's URL, which tells a FHIR resource type).
 */
export function openBelowPersonDataLevel(routeUrl: string, path: string): boolean {
  if (routeUrl.startsWith('/fhir/')) return fhirWithoutPersonData.test(path);
  return withoutPersonData.some((p) => (p.endsWith('/') ? routeUrl.startsWith(p) : routeUrl === p));
}

/** Whether the gate applies to a request's path at all: Samkraft's JSON API and its FHIR API. */
export const gatedPath = (path: string): boolean => path.startsWith('/api/') || path.startsWith('/fhir/');
