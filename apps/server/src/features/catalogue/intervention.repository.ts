import type { InterventionDetail, InterventionFields } from '@samkraft/contracts/catalogue';
import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';

type DoseJson = { part: string; sessions: number; upTo: boolean; perWeek: number | string | null; minutes: number };

/** The catalogue with doses and the hosts offering each intervention on `today`. */
export async function listInterventions(db: Db, today: string, includeRetired: boolean) {
  let q = db
    .selectFrom('intervention as i')
    .select([
      'i.code',
      'i.name_da',
      'i.name_en',
      'i.category',
      'i.form',
      'i.target_text_da',
      'i.active',
      sql<DoseJson[]>`coalesce((select json_agg(json_build_object('part', d.part, 'sessions', d.sessions, 'upTo', d.up_to, 'perWeek', d.per_week, 'minutes', d.minutes) order by d.part) from intervention_dose_part d where d.intervention_code = i.code), '[]'::json)`.as('dose'),
      sql<{ code: string; name: string }[]>`coalesce((select json_agg(distinct jsonb_build_object('code', m.code, 'name', m.name)) from offering o join municipality m on m.code = o.host_municipality_code
        where o.intervention_code = i.code and o.valid_from <= ${today} and (o.valid_to is null or o.valid_to >= ${today})), '[]'::json)`.as('hosts'),
    ]);
  if (!includeRetired) q = q.where('i.active', '=', true);
  const rows = await q.orderBy('i.name_da').execute();
  return rows.map((r) => ({ ...r, dose: r.dose.map((d) => ({ ...d, perWeek: d.perWeek === null ? null : Number(d.perWeek) })) }));
}

export type InterventionRecord = InterventionDetail;

/** One intervention with all its fields; `forUpdate` locks the row so concurrent edits (and routing changes) queue. */
export async function findIntervention(db: Db, code: string, forUpdate = false): Promise<InterventionRecord | undefined> {
  let q = db.selectFrom('intervention').selectAll().where('code', '=', code);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) return undefined;
  const dose = await db.selectFrom('intervention_dose_part').selectAll().where('intervention_code', '=', code).orderBy('part').execute();
  return {
    code: r.code,
    nameDa: r.name_da,
    nameEn: r.name_en,
    category: r.category,
    form: r.form,
    teamMode: r.team_mode,
    descriptionDa: r.description_da,
    purposeDa: r.purpose_da,
    targetSex: r.target_sex,
    targetMinAge: r.target_min_age,
    targetMaxAge: r.target_max_age,
    targetDiagnoses: r.target_diagnoses,
    targetTreatment: r.target_treatment as InterventionRecord['targetTreatment'],
    targetTextDa: r.target_text_da,
    legalBases: r.legal_bases as InterventionRecord['legalBases'],
    professions: r.professions as InterventionRecord['professions'],
    mixedDiagnoses: r.mixed_diagnoses,
    crossMunicipal: r.cross_municipal,
    expectedPerYear: r.expected_per_year,
    cohortFollowUpWeeks: r.cohort_follow_up_weeks,
    active: r.active,
    dose: dose.map((d) => ({
      part: d.part,
      profession: d.profession,
      sessions: d.sessions,
      upTo: d.up_to,
      perWeek: d.per_week === null ? null : Number(d.per_week),
      minutes: d.minutes,
    })),
  };
}

export async function diagnosisCodes(db: Db): Promise<string[]> {
  return (await db.selectFrom('diagnosis').select('code').execute()).map((r) => r.code);
}

function columns(f: InterventionFields) {
  return {
    name_da: f.nameDa,
    name_en: f.nameEn,
    category: f.category,
    form: f.form,
    team_mode: f.teamMode,
    description_da: f.descriptionDa,
    purpose_da: f.purposeDa,
    target_sex: f.targetSex,
    target_min_age: f.targetMinAge,
    target_max_age: f.targetMaxAge,
    target_diagnoses: f.targetDiagnoses,
    target_treatment: f.targetTreatment,
    target_text_da: f.targetTextDa,
    legal_bases: f.legalBases,
    professions: f.professions,
    mixed_diagnoses: f.mixedDiagnoses,
    cross_municipal: f.crossMunicipal,
    expected_per_year: f.expectedPerYear,
    cohort_follow_up_weeks: f.cohortFollowUpWeeks,
    active: f.active,
  };
}

/** False when the code is taken (the catalogue keeps every code it ever had). */
export async function insertIntervention(db: Db, code: string, f: InterventionFields): Promise<boolean> {
  const r = await db
    .insertInto('intervention')
    .values({ code, ...columns(f) })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .executeTakeFirst();
  return r !== undefined;
}

export async function updateIntervention(db: Db, code: string, f: InterventionFields): Promise<void> {
  await db.updateTable('intervention').set(columns(f)).where('code', '=', code).execute();
}

/** The dose is replaced as a whole: parts are few and have no identity beyond their name. */
export async function replaceDoseParts(db: Db, code: string, dose: InterventionFields['dose']): Promise<void> {
  await db.deleteFrom('intervention_dose_part').where('intervention_code', '=', code).execute();
  if (dose.length === 0) return;
  await db
    .insertInto('intervention_dose_part')
    .values(dose.map((d) => ({ intervention_code: code, part: d.part, profession: d.profession, sessions: d.sessions, up_to: d.upTo, per_week: d.perWeek, minutes: d.minutes })))
    .execute();
}
