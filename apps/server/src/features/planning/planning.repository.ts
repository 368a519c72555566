import type { PlanResultDto, PlanStatus } from '@samkraft/contracts/planning';
import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { Route } from './planning-scenarios.rules.ts';

/** The hosting stored in the catalogue on a day: each (intervention, home municipality) → its offering's host. */
export async function findHostingRoutes(db: Db, onDate: string): Promise<Route[]> {
  const rows = await db
    .selectFrom('routing as r')
    .innerJoin('offering as o', 'o.id', 'r.offering_id')
    .select(['r.intervention_code', 'r.home_municipality_code', 'o.host_municipality_code'])
    .where('r.valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', onDate)]))
    .orderBy('r.intervention_code')
    .orderBy('r.home_municipality_code')
    .orderBy('o.host_municipality_code')
    .execute();
  return rows.map((r) => ({ interventionCode: r.intervention_code, home: r.home_municipality_code, host: r.host_municipality_code }));
}

export type ReferralCount = { home: string; interventionCode: string; count: number };

/** Referrals to each intervention by home municipality, received in the period: counts only. */
export async function countReferralsByHome(db: Db, from: string, to: string): Promise<ReferralCount[]> {
  const rows = await db
    .selectFrom('cross_referral as x')
    .innerJoin('course as k', 'k.id', 'x.course_id')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .select(['r.home_municipality_code', 'x.intervention_code', sql<string>`count(*)`.as('n')])
    .where('x.received_on', '>=', from)
    .where('x.received_on', '<=', to)
    .groupBy(['r.home_municipality_code', 'x.intervention_code'])
    .execute();
  return rows.map((r) => ({ home: r.home_municipality_code, interventionCode: r.intervention_code, count: Number(r.n) }));
}

export type ScenarioRecord = { id: string; name: string; createdAt: string; createdByName: string | null; status: PlanStatus | null; citizenKm: number | null; municipalityCount: number };

export async function insertScenario(
  db: Db,
  row: { name: string; status: PlanStatus | null; citizenKm: number | null; municipalityCount: number; result: PlanResultDto; createdBy: string | null },
): Promise<string> {
  const r = await db
    .insertInto('planning_scenario')
    .values({ name: row.name, status: row.status, citizen_km: row.citizenKm, municipality_count: row.municipalityCount, result: JSON.stringify(row.result), created_by: row.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

const summaryColumns = ['s.id', 's.name', 's.created_at', 's.status', 's.citizen_km', 's.municipality_count', 'u.display_name'] as const;

function toRecord(r: { id: string; name: string; created_at: Date | string; status: PlanStatus | null; citizen_km: number | null; municipality_count: number; display_name: string | null }): ScenarioRecord {
  return {
    id: r.id,
    name: r.name,
    createdAt: new Date(r.created_at).toISOString(),
    createdByName: r.display_name,
    status: r.status,
    citizenKm: r.citizen_km,
    municipalityCount: r.municipality_count,
  };
}

export async function listScenarios(db: Db, limit: number): Promise<ScenarioRecord[]> {
  const rows = await db.selectFrom('planning_scenario as s').leftJoin('staff_user as u', 'u.id', 's.created_by').select(summaryColumns).orderBy('s.created_at', 'desc').orderBy('s.id').limit(limit).execute();
  return rows.map(toRecord);
}

export async function findScenario(db: Db, id: string): Promise<(ScenarioRecord & { result: PlanResultDto }) | undefined> {
  const r = await db.selectFrom('planning_scenario as s').leftJoin('staff_user as u', 'u.id', 's.created_by').select([...summaryColumns, 's.result']).where('s.id', '=', id).executeTakeFirst();
  return r && { ...toRecord(r), result: (typeof r.result === 'string' ? JSON.parse(r.result) : r.result) as PlanResultDto };
}
