import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import { demoOfferings } from '../demo/demo-hosting.ts';
import { HOME_INTERVENTIONS, OPEN_COURSES_PER_CONTACT_PERSON, planHosting, restrictToHomes, yearlyReferrals, type MunicipalityFacts, type ScaleSize } from './scale-data.rules.ts';
import { MUNICIPALITY_FACTS } from './municipality-facts.data.ts';
import { findNonSyntheticRecords, findSyntheticDataSet, generateScaleData, recordSyntheticDataSet, type GeneratedCounts, type SyntheticDataSet } from './scale-data.repository.ts';

export class ScaleDataRefused extends Error {}

/**
 * `homes` (with `factor`, default 1) restricts the data set to some home municipalities, their
 * yearly volume multiplied: e.g. København alone at 12 × national, for a lead's list of 10,000
 * open courses.
 */
export type ScaleDataOptions = { size: ScaleSize; years: number; today: string; seed?: number; homes?: readonly string[]; factor?: number };

/** Report Bilag 1's hosting in the nine, without the offerings every municipality has at home. */
function nineHosting() {
  const home: readonly string[] = HOME_INTERVENTIONS;
  return demoOfferings()
    .filter((o) => !home.includes(o.interventionCode))
    .map((o) => ({ interventionCode: o.interventionCode, host: o.host }));
}

async function loadFacts(db: Db, size: ScaleSize): Promise<{ municipalities: MunicipalityFacts[]; potentials: { code: string; newCases: number; rehabShare: number }[] }> {
  const members = await db.selectFrom('municipality').select(['code', 'is_member']).execute();
  const isMember = new Set(members.filter((m) => m.is_member).map((m) => m.code));
  const all = MUNICIPALITY_FACTS.map(([code, population, lat, lon]) => ({ code, population, lat, lon, isMember: isMember.has(code) }));
  const municipalities = size === 'nine' ? all.filter((m) => m.isMember) : all;
  const potentials = await sql<{ code: string; newCases: number; rehabShare: number }>`
    select distinct on (municipality_code) municipality_code as code, new_cases as "newCases", rehab_share::float8 as "rehabShare"
    from cancer_potential order by municipality_code, year desc`.execute(db);
  return { municipalities, potentials: potentials.rows };
}

/**
 * Generates a synthetic data set into a database that holds only reference data: every record is
 * synthetic (pseudonymised citizens, marked staff and offerings, origin 'synthetic'). Refuses a
 * database with anything else, so it can never mix with real or demo records. One transaction.
 */
export async function generateSyntheticData(db: Db, options: ScaleDataOptions, progress?: (step: string) => void): Promise<GeneratedCounts> {
  const found = await findNonSyntheticRecords(db);
  if (found) throw new ScaleDataRefused(`the database holds ${found}; synthetic data is only generated into a database with reference data alone`);
  const { municipalities, potentials } = await loadFacts(db, options.size);
  if (municipalities.length === 0) throw new ScaleDataRefused('the database has no member municipalities; seed the reference data first');
  const all = { perYear: yearlyReferrals(options.size, municipalities, potentials), ...planHosting(municipalities, nineHosting()) };
  const { perYear, ...hosting } = options.homes ? restrictToHomes(all, options.homes, options.factor) : all;
  const seed = options.seed ?? 1;
  const restriction = options.homes ? { homes: [...options.homes], factor: options.factor ?? 1 } : {};
  const counts = await db.transaction().execute(async (trx) => {
    const written = await generateScaleData(
      trx,
      {
        today: options.today,
        years: options.years,
        seed,
        municipalities: [...perYear].map(([code, n]) => ({ code, perYear: n })),
        offerings: hosting.offerings,
        routes: hosting.routes,
        openCoursesPerContactPerson: OPEN_COURSES_PER_CONTACT_PERSON,
      },
      progress,
    );
    await recordSyntheticDataSet(trx, { size: options.size, years: options.years, seed, today: options.today, ...restriction, counts: written });
    return written;
  });
  // Statistics for the planner, and the visibility map for index-only scans (autovacuum would
  // get there later; a benchmark should not depend on when).
  progress?.('vacuum analyze');
  await sql`vacuum analyze`.execute(db);
  return counts;
}

/** What synthetic data set the database holds (size, years, seed, last day, rows), if any. */
export async function syntheticDataSetOf(db: Db): Promise<SyntheticDataSet | null> {
  return findSyntheticDataSet(db);
}
