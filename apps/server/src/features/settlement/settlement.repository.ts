import { sql } from 'kysely';
import type { SettlementUnit, TariffSource } from '@samkraft/contracts/settlement';
import type { Db } from '../../platform/database/database.ts';
import type { LedgerLine, Period } from './settlement.rules.ts';

/*
 * The settlement's SQL: the ledger derived from the records, the tariffs, and the settled periods
 * with their lines. `settlement` and `settlement_line` are only ever inserted (migration 0044
 * refuses an update or delete of them).
 */

/**
 * The units delivered to another municipality's citizens in each period given, valued by the
 * tariff in force on each unit's day (the provider's own before the one for all providers):
 * - `session`: a team session a citizen attended (`attendance.status = 'attended'`, the session not
 *   cancelled), on the session's Danish calendar day; a relative's attendance is another table and
 *   never a unit;
 * - `course`: a cross-municipal referral started (`started_on`), on that day.
 * Only where the providing municipality is not the citizen's home municipality. Set-based: the
 * sessions by their time (`team_session_starts_at_idx`), the courses by their start
 * (`cross_referral_started_on_idx`), everything else by primary keys; grouped by day before the
 * tariff is looked up, so the look-ups are per day and kind, not per unit. The attendances are
 * grouped per enrolment and day first, and each enrolment of the period is placed (provider, home,
 * intervention) once, by primary keys (a lateral look-up, `limit 1`: the planner must not hash
 * every cross-referral, course and referral of all years — the bench at national volume,
 * bench/plans-issue14.md); so the statement reads what the period holds, not the whole history.
 */
export async function ledgerLines(db: Db, periods: readonly (Period & { key: string })[]): Promise<Map<string, LedgerLine[]>> {
  const out = new Map<string, LedgerLine[]>(periods.map((p) => [p.key, []]));
  if (periods.length === 0) return out;
  const rows = await sql<{ key: string; provider: string; home: string; intervention_code: string; unit: SettlementUnit; price_ore: number | null; units: number }>`
    with p (key, period_from, period_to) as (
      select * from unnest(${periods.map((p) => p.key)}::text[], ${periods.map((p) => p.from)}::date[], ${periods.map((p) => p.to)}::date[])
    ),
    attended as (
      select p.key, a.enrolment_id, (ts.starts_at at time zone 'Europe/Copenhagen')::date as day, count(*)::integer as units
      from p
      join team_session ts on ts.starts_at >= (p.period_from::timestamp at time zone 'Europe/Copenhagen')
                          and ts.starts_at < ((p.period_to + 1)::timestamp at time zone 'Europe/Copenhagen')
                          and not ts.cancelled
      join attendance a on a.team_session_id = ts.id and a.status = 'attended'
      group by 1, 2, 3
    ),
    placed as (
      select d.enrolment_id, w.provider, w.home, w.intervention_code
      from (select distinct enrolment_id from attended) d
      cross join lateral (
        select x.provider_municipality_code as provider, r.home_municipality_code as home, x.intervention_code
        from enrolment e
        join cross_referral x on x.id = e.cross_referral_id
        join course c on c.id = x.course_id
        join referral r on r.id = c.referral_id
        where e.id = d.enrolment_id and x.provider_municipality_code <> r.home_municipality_code
        limit 1
      ) w
    ),
    sessions as (
      select u.key, w.provider, w.home, w.intervention_code, 'session'::text as unit, u.day, sum(u.units)::integer as units
      from attended u
      join placed w on w.enrolment_id = u.enrolment_id
      group by 1, 2, 3, 4, 5, 6
    ),
    courses as (
      select p.key, x.provider_municipality_code as provider, w.home, x.intervention_code,
             'course'::text as unit, x.started_on as day, count(*)::integer as units
      from p
      join cross_referral x on x.started_on between p.period_from and p.period_to
      cross join lateral (
        select r.home_municipality_code as home
        from course c join referral r on r.id = c.referral_id
        where c.id = x.course_id
        limit 1
      ) w
      where x.provider_municipality_code <> w.home
      group by 1, 2, 3, 4, 5, 6
    ),
    units as (select * from sessions union all select * from courses)
    select u.key, u.provider, u.home, u.intervention_code, u.unit, t.price_ore, sum(u.units)::integer as units
    from units u
    left join lateral (
      select (st.price_kr * 100)::integer as price_ore
      from settlement_tariff st
      where st.intervention_code = u.intervention_code and st.unit = u.unit
        and (st.provider_municipality_code = u.provider or st.provider_municipality_code is null)
        and st.valid_from <= u.day and (st.valid_to is null or st.valid_to >= u.day)
      order by st.provider_municipality_code is null, st.valid_from desc
      limit 1
    ) t on true
    group by 1, 2, 3, 4, 5, 6`.execute(db);
  for (const r of rows.rows) {
    out.get(r.key)?.push({ provider: r.provider, home: r.home, interventionCode: r.intervention_code, unit: r.unit, units: r.units, priceOre: r.price_ore, corrects: null });
  }
  return out;
}

export type SettlementRecord = { id: string; from: string; to: string; lockedAt: Date; lockedBy: string };

export async function listSettlements(db: Db): Promise<SettlementRecord[]> {
  const rows = await db
    .selectFrom('settlement')
    .select(['id', sql<string>`to_char(period_from, 'YYYY-MM-DD')`.as('from'), sql<string>`to_char(period_to, 'YYYY-MM-DD')`.as('to'), 'locked_at', 'locked_by_label'])
    .orderBy('period_from')
    .execute();
  return rows.map((r) => ({ id: r.id, from: r.from, to: r.to, lockedAt: r.locked_at, lockedBy: r.locked_by_label }));
}

/** Every line settled so far, each tagged with the settlement it belongs to. */
export async function settledLines(db: Db): Promise<(LedgerLine & { settlementId: string })[]> {
  const rows = await db
    .selectFrom('settlement_line')
    .select(['settlement_id', 'provider_municipality_code', 'home_municipality_code', 'intervention_code', 'unit', 'units', sql<number | null>`(price_kr * 100)::integer`.as('price_ore'), 'corrects_settlement_id'])
    .orderBy('settlement_id')
    .orderBy('line_no')
    .execute();
  return rows.map((r) => ({
    settlementId: r.settlement_id,
    provider: r.provider_municipality_code,
    home: r.home_municipality_code,
    interventionCode: r.intervention_code,
    unit: r.unit,
    units: r.units,
    priceOre: r.price_ore,
    corrects: r.corrects_settlement_id,
  }));
}

/**
 * Serialises settling: one lock at a time, so two coordinators cannot settle overlapping periods.
 * Held to the end of the caller's transaction.
 */
export async function lockSettlements(db: Db): Promise<void> {
  await sql`lock table settlement in share row exclusive mode`.execute(db);
}

/** Stores a settled period and its lines (one statement each); never updates. */
export async function insertSettlement(db: Db, s: { from: string; to: string; lockedBy: string | null; lockedByLabel: string }, lines: readonly LedgerLine[]): Promise<{ id: string; lockedAt: Date }> {
  const row = await db
    .insertInto('settlement')
    .values({ period_from: s.from, period_to: s.to, locked_by: s.lockedBy, locked_by_label: s.lockedByLabel })
    .returning(['id', 'locked_at'])
    .executeTakeFirstOrThrow();
  if (lines.length > 0) {
    await db
      .insertInto('settlement_line')
      .values(
        lines.map((l, i) => ({
          settlement_id: row.id,
          line_no: i + 1,
          provider_municipality_code: l.provider,
          home_municipality_code: l.home,
          intervention_code: l.interventionCode,
          unit: l.unit,
          units: l.units,
          price_kr: l.priceOre === null ? null : (l.priceOre / 100).toFixed(2),
          amount_ore: String(l.units * (l.priceOre ?? 0)),
          corrects_settlement_id: l.corrects,
        })),
      )
      .execute();
  }
  return { id: row.id, lockedAt: row.locked_at };
}

export type TariffRecord = {
  id: string;
  providerMunicipalityCode: string | null;
  interventionCode: string;
  unit: SettlementUnit;
  priceKr: number;
  validFrom: string;
  validTo: string | null;
  source: TariffSource;
  sourceNote: string;
};

const tariffColumns = [
  'id',
  'provider_municipality_code',
  'intervention_code',
  'unit',
  sql<string>`price_kr::text`.as('price'),
  sql<string>`to_char(valid_from, 'YYYY-MM-DD')`.as('from'),
  sql<string | null>`to_char(valid_to, 'YYYY-MM-DD')`.as('to'),
  'source',
  'source_note',
] as const;

type TariffRow = { id: string; provider_municipality_code: string | null; intervention_code: string; unit: SettlementUnit; price: string; from: string; to: string | null; source: TariffSource; source_note: string };

const tariffOf = (r: TariffRow): TariffRecord => ({
  id: r.id,
  providerMunicipalityCode: r.provider_municipality_code,
  interventionCode: r.intervention_code,
  unit: r.unit,
  priceKr: Number(r.price),
  validFrom: r.from,
  validTo: r.to,
  source: r.source,
  sourceNote: r.source_note,
});

export async function listTariffs(db: Db): Promise<TariffRecord[]> {
  const rows = await db.selectFrom('settlement_tariff').select(tariffColumns).orderBy('intervention_code').orderBy('unit').orderBy('provider_municipality_code').orderBy('valid_from').execute();
  return rows.map(tariffOf);
}

export async function findTariff(db: Db, id: string): Promise<TariffRecord | undefined> {
  const row = await db.selectFrom('settlement_tariff').select(tariffColumns).where('id', '=', id).executeTakeFirst();
  return row ? tariffOf(row) : undefined;
}

/** The other tariffs of the same key, under a lock so two writers cannot add overlapping ones. */
export async function tariffsOfKey(db: Db, key: { providerMunicipalityCode: string | null; interventionCode: string; unit: SettlementUnit }, exceptId: string | null): Promise<TariffRecord[]> {
  await sql`lock table settlement_tariff in share row exclusive mode`.execute(db);
  let q = db
    .selectFrom('settlement_tariff')
    .select(tariffColumns)
    .where('intervention_code', '=', key.interventionCode)
    .where('unit', '=', key.unit)
    .where(sql<boolean>`provider_municipality_code is not distinct from ${key.providerMunicipalityCode}`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.execute()).map(tariffOf);
}

export async function insertTariff(db: Db, t: Omit<TariffRecord, 'id'>, createdBy: string | null): Promise<string> {
  const row = await db
    .insertInto('settlement_tariff')
    .values({
      provider_municipality_code: t.providerMunicipalityCode,
      intervention_code: t.interventionCode,
      unit: t.unit,
      price_kr: t.priceKr.toFixed(2),
      valid_from: t.validFrom,
      valid_to: t.validTo,
      source: t.source,
      source_note: t.sourceNote,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function endTariff(db: Db, id: string, validTo: string, endedBy: string | null): Promise<void> {
  await db.updateTable('settlement_tariff').set({ valid_to: validTo, ended_by: endedBy, ended_at: sql`now()` }).where('id', '=', id).execute();
}

/** Names of the municipalities and interventions a statement shows. */
export async function namesFor(db: Db): Promise<{ municipalities: { code: string; name: string; isMember: boolean }[]; interventions: Map<string, string> }> {
  const municipalities = await db.selectFrom('municipality').select(['code', 'name', 'is_member']).orderBy('name').execute();
  const interventions = await db.selectFrom('intervention').select(['code', 'name_da']).execute();
  return { municipalities: municipalities.map((m) => ({ code: m.code, name: m.name, isMember: m.is_member })), interventions: new Map(interventions.map((i) => [i.code, i.name_da])) };
}

export async function interventionExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('intervention').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function municipalityExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('municipality').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}
