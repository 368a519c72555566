/**
 * What a synthetic scale data set holds: sizes, yearly volumes per municipality and who hosts
 * what. Pure; the SQL that builds the records is in scale-data.repository.ts.
 *
 * Where the figures come from:
 * - the nine: each member's expected new cancer cases a year (report Table 1, Kræftens
 *   Bekæmpelse 2016, seeded in `cancer_potential`) × the share needing municipal
 *   rehabilitation (the same table, 40 %) — 1,263 referrals a year in all, as the report says;
 * - national: about 45,000 new cancer cases a year in Denmark (Cancerregisteret, Sundhedsdatastyrelsen,
 *   the level of the 2020s) × the same 40 % ≈ 18,000 referrals a year, spread over the 98
 *   municipalities in proportion to their population (refdata dk_kommuner_population.json,
 *   Statistics Denmark 1 January 2020);
 * - stress: 8 × national.
 */

export const scaleSizes = ['nine', 'national', 'stress'] as const;
export type ScaleSize = (typeof scaleSizes)[number];

export const NATIONAL_NEW_CANCER_CASES_PER_YEAR = 45_000;
export const REHABILITATION_SHARE = 0.4;
export const STRESS_FACTOR = 8;
/** Each contact person carries about this many open courses (30–80 in the municipalities). */
export const OPEN_COURSES_PER_CONTACT_PERSON = 50;

export type MunicipalityFacts = { code: string; population: number; lat: number; lon: number; isMember: boolean };
export type PotentialFacts = { code: string; newCases: number; rehabShare: number };

/** Referrals a year per home municipality. */
export function yearlyReferrals(size: ScaleSize, municipalities: readonly MunicipalityFacts[], potentials: readonly PotentialFacts[]): Map<string, number> {
  const result = new Map<string, number>();
  if (size === 'nine') {
    for (const m of municipalities.filter((x) => x.isMember)) {
      const p = potentials.find((x) => x.code === m.code);
      if (!p) throw new Error(`no cancer potential for member municipality ${m.code}`);
      result.set(m.code, p.newCases * p.rehabShare);
    }
    return result;
  }
  const total = municipalities.reduce((n, m) => n + m.population, 0);
  const factor = size === 'stress' ? STRESS_FACTOR : 1;
  for (const m of municipalities) result.set(m.code, (NATIONAL_NEW_CANCER_CASES_PER_YEAR * REHABILITATION_SHARE * factor * m.population) / total);
  return result;
}

/** Interventions every municipality offers at home (report Bilag 1). */
export const HOME_INTERVENTIONS = ['mixed_training', 'hhk_home'] as const;

/**
 * Interventions hosted by some municipalities for others, with the population above which a
 * municipality outside the nine hosts it in the national data set (the common ones in the larger
 * towns, the rare ones in the largest).
 */
export const HOSTED_INTERVENTIONS: readonly { code: string; hubPopulation: number }[] = [
  { code: 'men_training', hubPopulation: 45_000 },
  { code: 'breast_training', hubPopulation: 45_000 },
  { code: 'puls_styrke', hubPopulation: 45_000 },
  { code: 'livskraft', hubPopulation: 45_000 },
  { code: 'prostate_pelvic_floor', hubPopulation: 80_000 },
  { code: 'lung', hubPopulation: 80_000 },
  { code: 'hhk_cross', hubPopulation: 80_000 },
  { code: 'gi_education', hubPopulation: 80_000 },
  { code: 'brain', hubPopulation: 150_000 },
];

export type Hosting = { interventionCode: string; host: string };
export type Route = { interventionCode: string; home: string; host: string };

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * Who hosts what and which host each home municipality sends to. The nine keep the hosting of
 * report Bilag 1 (`nineHosting`) and send among themselves; elsewhere the municipalities above
 * an intervention's hub population host it, and every home sends to its nearest host (at least
 * one host per intervention: the largest municipality). Every municipality hosts the home
 * interventions for itself.
 */
export function planHosting(municipalities: readonly MunicipalityFacts[], nineHosting: readonly Hosting[]): { offerings: Hosting[]; routes: Route[] } {
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const offerings: Hosting[] = [];
  const routes: Route[] = [];
  for (const m of municipalities) {
    for (const code of HOME_INTERVENTIONS) {
      offerings.push({ interventionCode: code, host: m.code });
      routes.push({ interventionCode: code, home: m.code, host: m.code });
    }
  }
  const members = municipalities.filter((m) => m.isMember);
  const others = municipalities.filter((m) => !m.isMember);
  const largestOther = [...others].sort((a, b) => b.population - a.population)[0];
  for (const { code, hubPopulation } of HOSTED_INTERVENTIONS) {
    const memberHosts = nineHosting.filter((h) => h.interventionCode === code && byCode.has(h.host)).map((h) => h.host);
    let otherHosts = others.filter((m) => m.population >= hubPopulation).map((m) => m.code);
    if (otherHosts.length === 0 && largestOther) otherHosts = [largestOther.code];
    for (const host of [...memberHosts, ...otherHosts]) offerings.push({ interventionCode: code, host });
    const route = (home: MunicipalityFacts, hosts: string[]) => {
      const nearest = nearestOf(home, hosts, byCode);
      if (nearest) routes.push({ interventionCode: code, home: home.code, host: nearest });
    };
    for (const home of members) route(home, memberHosts);
    for (const home of others) route(home, otherHosts);
  }
  return { offerings, routes };
}

function nearestOf(home: MunicipalityFacts, hosts: readonly string[], byCode: Map<string, MunicipalityFacts>): string | undefined {
  let best: { code: string; km: number } | undefined;
  for (const code of hosts) {
    const host = byCode.get(code);
    if (!host) continue;
    const km = distanceKm(home, host);
    if (!best || km < best.km || (km === best.km && code < best.code)) best = { code, km };
  }
  return best?.code;
}

/**
 * A data set for some home municipalities only (e.g. one municipality scaled up to 10,000 open
 * courses): their referrals a year, times `factor`, and the hosting they are routed to — their
 * routes, and the offerings those routes lead to.
 */
export function restrictToHomes(
  plan: { perYear: Map<string, number>; offerings: Hosting[]; routes: Route[] },
  homes: readonly string[],
  factor = 1,
): { perYear: Map<string, number>; offerings: Hosting[]; routes: Route[] } {
  const unknown = homes.filter((h) => !plan.perYear.has(h));
  if (unknown.length > 0) throw new Error(`not a home municipality of this size: ${unknown.join(', ')}`);
  if (!(factor > 0)) throw new Error('the factor must be a positive number');
  const perYear = new Map(homes.map((h) => [h, (plan.perYear.get(h) ?? 0) * factor]));
  const routes = plan.routes.filter((r) => perYear.has(r.home));
  const used = new Set(routes.map((r) => `${r.interventionCode} ${r.host}`));
  return { perYear, routes, offerings: plan.offerings.filter((o) => used.has(`${o.interventionCode} ${o.host}`)) };
}

/** Contact persons a municipality needs for its expected open courses. */
export function contactPersonsFor(openCourses: number): number {
  return Math.max(1, Math.round(openCourses / OPEN_COURSES_PER_CONTACT_PERSON));
}
