/**
 * The SQL of an import, set-based over staging tables: the checked extract is COPYed into
 * temporary tables of the import's transaction (dropped at its end), compared with the stored
 * records in a few statements, and merged by the tables' owners' bulk writes (`<feature>.bulk.ts`),
 * each given a query over the staging tables: one statement per table. No statement runs per row,
 * and none has a parameter list that grows with the extract.
 */
import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { SelectedAuditEvent } from '../../platform/audit/audit.repository.ts';
import { copyInto, type Db } from '../../platform/database/database.ts';
import { deleteImportedNeedsAssessmentsInBulk, insertNeedsAssessmentsInBulk } from '../assessments/assessments.bulk.ts';
import { insertCitizensInBulk, updateCitizensInBulk } from '../citizens/citizens.bulk.ts';
import { deleteImportedClosingConversationsInBulk, deleteImportedClosingNotesInBulk, insertClosingConversationsInBulk, insertClosingNotesInBulk } from '../closings/closings.bulk.ts';
import { deleteImportedCourseContactsInBulk, insertCourseContactsInBulk, insertCoursesInBulk, reopenCoursesInBulk } from '../courses/courses.bulk.ts';
import { deleteImportedCrossReferralsInBulk, deleteImportedDeclinesInBulk, insertCrossReferralsInBulk, insertDeclinesInBulk } from '../cross-referrals/cross-referrals.bulk.ts';
import { deleteImportedActionPlansInBulk, insertActionPlansInBulk } from '../plans/plans.bulk.ts';
import { insertReferralsInBulk, updateReferralsInBulk } from '../referrals/referrals.bulk.ts';
import { stagedInterventionColumns, stagedReferralColumns } from './extract-stage.rules.ts';
import { storedInterventionsQuery, storedReferralsQuery } from './extract.repository.ts';

const referralColumnTypes: Record<(typeof stagedReferralColumns)[number], string> = {
  row: 'integer not null',
  external_id: 'text not null',
  home: 'char(4) not null',
  cpr: 'text',
  pseudonym: 'text',
  sex: 'char(1) not null',
  birth_date: 'date not null',
  received: 'date not null',
  source: 'text not null',
  legal_basis: 'text',
  diagnosis: 'text',
  first_contact: 'date',
  needs_assessed: 'date',
  action_plan: 'date',
  declined: 'date',
  decline_reason: 'text',
  closing_conversation: 'date',
  closing_note_sent: 'date',
};

const interventionColumnTypes: Record<(typeof stagedInterventionColumns)[number], string> = {
  referral_row: 'integer not null',
  intervention: 'text not null',
  provider: 'char(4) not null',
  referred: 'date not null',
  provider_contact: 'date',
  deeper_assessment: 'date',
  start_on: 'date',
  end_on: 'date',
  attendances: 'integer',
  end_reason: 'text',
};

const columnsOf = (types: Record<string, string>) => sql.raw(Object.entries(types).map(([name, type]) => `${name} ${type}`).join(', '));

/** The checked extract (see extract-stage.rules.ts) into `extract_stage_referral` and `extract_stage_intervention`. */
export async function stageExtract(db: Db, csv: { referrals: Uint8Array; interventions: Uint8Array }): Promise<void> {
  // The sorts and hashes over a large extract's staged rows fit in memory, for this transaction.
  await sql`set local work_mem = '64MB'`.execute(db);
  await sql`create temporary table extract_stage_referral (${columnsOf(referralColumnTypes)}) on commit drop`.execute(db);
  await sql`create temporary table extract_stage_intervention (${columnsOf(interventionColumnTypes)}) on commit drop`.execute(db);
  await copyInto(db, 'extract_stage_referral', stagedReferralColumns, csv.referrals);
  await copyInto(db, 'extract_stage_intervention', stagedInterventionColumns, csv.interventions);
}

/** An intervention's values, named and typed alike for the stored and the staged ones. */
const interventionValues = (t: { code: string; provider: string; referred: string; contact: string; deeper: string; start: string; end: string; attendances: string; reason: string }) =>
  sql.raw(
    `${t.code}::text as code, ${t.provider}::char(4) as provider, ${t.referred}::date as referred, ${t.contact}::date as contact, ${t.deeper}::date as deeper, ` +
      `${t.start}::date as start_on, ${t.end}::date as end_on, ${t.attendances}::integer as attendances, ${t.reason}::text as reason`,
  );

const storedIntervention = interventionValues({
  code: 'x.intervention_code',
  provider: 'x.provider_municipality_code',
  referred: 'x.received_on',
  contact: 'x.provider_contact_on',
  deeper: 'x.deeper_assessment_on',
  start: 'x.started_on',
  end: 'x.ended_on',
  attendances: 'x.attendances',
  reason: 'x.end_reason',
});

const stagedIntervention = interventionValues({
  code: 'i.intervention',
  provider: 'i.provider',
  referred: 'i.referred',
  contact: 'i.provider_contact',
  deeper: 'i.deeper_assessment',
  start: 'i.start_on',
  end: 'i.end_on',
  attendances: 'i.attendances',
  reason: 'i.end_reason',
});

/**
 * Ids for the rows one import creates in a table: a random prefix (74 random bits, drawn once per
 * table and import) and the number `n` of the row in the import. Rows made together get ids next
 * to each other, so their index entries go to a few pages instead of all over every index; and
 * gen_random_uuid() costs microseconds a row on PGlite.
 */
function newIds(): (n: RawBuilder<unknown>) => RawBuilder<string> {
  const prefix = randomUUID().slice(0, 24);
  return (n) => sql<string>`(${prefix} || lpad(to_hex(${n}), 12, '0'))::uuid`;
}

export type PlanKind = 'create' | 'unchanged' | 'update' | 'refuse';

/**
 * What the import does with each staged referral, into `extract_stage_plan` (the staged row, its
 * `kind`, and the referral and course it writes: stored, or new ids): a referral is known by
 * (home municipality, referral_id) — the care system's id, or for a record made in Samkraft its
 * own id, as the export names it. A known one is compared field by field, and its interventions
 * as a multiset, with the stored record as the export writes it.
 */
export async function planStagedImport(db: Db): Promise<void> {
  // Statistics of the join columns only (cheap), so that the planner sees how many rows came:
  // hash joins for a large extract, index lookups for a small one into a large database.
  await sql`analyze extract_stage_referral (row, external_id, home)`.execute(db);
  await sql`analyze extract_stage_intervention (referral_row)`.execute(db);
  await sql`
    create temporary table extract_stage_match on commit drop as
    select m.row, m.id, m.origin, k.id as course_id
    from (
      select distinct on (m.row) m.row, m.id, m.origin
      from (
        select s.row, r.id, r.origin from extract_stage_referral s
        join referral r on r.home_municipality_code = s.home and r.external_id = s.external_id
        union all
        select s.row, r.id, r.origin from extract_stage_referral s
        join referral r on r.id = (case when s.external_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then s.external_id::uuid end)
          and r.external_id is null and r.home_municipality_code = s.home
      ) m
      order by m.row, m.id desc
    ) m
    left join course k on k.referral_id = m.id`.execute(db);
  await sql`analyze extract_stage_match`.execute(db);
  const matched = { referrals: sql`select id from extract_stage_match`, courses: sql`select course_id as id from extract_stage_match where course_id is not null` };
  // The rows whose interventions differ as multisets: some intervention (nulls equal, as GROUP
  // BY compares) is stored more or fewer times than it is staged.
  await sql`
    create temporary table extract_stage_other_interventions on commit drop as
    select distinct v.row from (
      select m.row, ${storedIntervention}, 1 as n
      from (${storedInterventionsQuery(matched)}) x
      join extract_stage_match m on m.course_id = x.course_id
      union all
      select i.referral_row, ${stagedIntervention}, -1
      from extract_stage_intervention i
      where i.referral_row in (select row from extract_stage_match)
    ) v
    group by v.row, v.code, v.provider, v.referred, v.contact, v.deeper, v.start_on, v.end_on, v.attendances, v.reason
    having sum(v.n) <> 0`.execute(db);
  await sql`
    create temporary table extract_stage_plan on commit drop as
    select s.*, coalesce(s.cpr, s.pseudonym) as citizen_key, coalesce(m.id, ${newIds()(sql`s.row`)}) as referral_id,
      coalesce(m.course_id, ${newIds()(sql`s.row`)}) as course_id, m.course_id is null as new_course,
      case
        when m.row is null then 'create'
        when o.row is null
          and coalesce(st.cpr, st.pseudonym) = coalesce(s.cpr, s.pseudonym)
          and st.sex = s.sex
          and st.birth_date = s.birth_date
          and st.received_on = s.received
          and st.source = s.source
          and st.legal_basis is not distinct from s.legal_basis
          and st.diagnosis_code is not distinct from s.diagnosis
          and st.first_contact is not distinct from s.first_contact
          and st.needs_assessed is not distinct from s.needs_assessed
          and st.action_plan is not distinct from s.action_plan
          and st.declined is not distinct from s.declined
          and st.decline_reason is not distinct from s.decline_reason
          and st.closing_conversation is not distinct from s.closing_conversation
          and st.closing_note_sent is not distinct from s.closing_note_sent then 'unchanged'
        when m.origin = 'import' then 'update'
        else 'refuse'
      end as kind
    from extract_stage_referral s
    left join extract_stage_match m on m.row = s.row
    left join (${storedReferralsQuery(matched)}) st on st.id = m.id
    left join extract_stage_other_interventions o on o.row = s.row`.execute(db);
}

export type PlanCounts = Record<PlanKind, number>;

export async function countPlan(db: Db): Promise<PlanCounts> {
  const rows = (await sql<{ kind: PlanKind; n: number }>`select kind, count(*)::integer as n from extract_stage_plan group by kind`.execute(db)).rows;
  const counts: PlanCounts = { create: 0, unchanged: 0, update: 0, refuse: 0 };
  for (const r of rows) counts[r.kind] = r.n;
  return counts;
}

/** The known referrals the import would change (to update, or to refuse): their rows and stored ids. */
export async function selectChangedRows(db: Db): Promise<{ row: number; referralId: string; kind: 'update' | 'refuse' }[]> {
  const rows = await sql<{ row: number; referral_id: string; kind: 'update' | 'refuse' }>`
    select row, referral_id, kind from extract_stage_plan where kind in ('update', 'refuse') order by row`.execute(db);
  return rows.rows.map((r) => ({ row: r.row, referralId: r.referral_id, kind: r.kind }));
}

/**
 * The citizens of the referrals to create or update, by CPR or pseudonym: found, or created
 * without names (the extract has none, see 0006_extracts.sql). The extract's sex and birth date
 * win over what was stored — from its latest received referral of that citizen — so a re-import
 * finds nothing changed. Into `extract_stage_citizen` (CPR or pseudonym → id).
 */
export async function mergeCitizens(db: Db): Promise<void> {
  await sql`
    create temporary table extract_stage_citizen on commit drop as
    select w.citizen_key, w.cpr, w.pseudonym, w.sex, w.birth_date, w.home,
      coalesce(byc.id, byp.id, ${newIds()(sql`w.row`)}) as id,
      coalesce(byc.id, byp.id) is null as is_new,
      coalesce(byc.sex, byp.sex) as stored_sex,
      coalesce(byc.birth_date, byp.birth_date) as stored_birth_date
    from (
      select distinct on (p.citizen_key) p.citizen_key, p.row, p.cpr, p.pseudonym, p.sex, p.birth_date, p.home
      from extract_stage_plan p
      where p.kind in ('create', 'update')
      order by p.citizen_key, p.received desc, p.row
    ) w
    left join citizen byc on byc.cpr = w.cpr
    left join citizen byp on byp.pseudonym = w.pseudonym`.execute(db);
  await updateCitizensInBulk(db, {
    columns: ['id', 'sex', 'birth_date', 'updated_at'],
    select: sql`
      select w.id, w.sex, w.birth_date, now() from extract_stage_citizen w
      where not w.is_new and (w.stored_sex <> w.sex or w.stored_birth_date <> w.birth_date)`,
  });
  await insertCitizensInBulk(db, {
    columns: ['id', 'cpr', 'pseudonym', 'is_synthetic', 'given_name', 'family_name', 'sex', 'birth_date', 'home_municipality_code'],
    select: sql`
      select w.id, w.cpr, w.pseudonym, w.pseudonym is not null, '', '', w.sex, w.birth_date, w.home
      from extract_stage_citizen w where w.is_new`,
  });
}

/** An updated referral: its row, its id and its citizen's. */
export type UpdatedReferral = { row: number; referralId: string; citizenId: string };

/** The owners' deletes of a course's imported step and intervention rows, which an update writes again (rows made in Samkraft are left alone). */
const deleteImportedSteps = [
  deleteImportedCourseContactsInBulk,
  deleteImportedNeedsAssessmentsInBulk,
  deleteImportedActionPlansInBulk,
  deleteImportedDeclinesInBulk,
  deleteImportedClosingConversationsInBulk,
  deleteImportedClosingNotesInBulk,
  deleteImportedCrossReferralsInBulk,
] as const;

/**
 * Creates the new referrals with their courses, steps and interventions, all marked origin
 * 'import', and replaces the facts of the changed imported ones: their own columns are updated,
 * their imported step and intervention rows written again. Returns the updated ones, by row.
 */
export async function mergeReferrals(db: Db): Promise<UpdatedReferral[]> {
  await insertReferralsInBulk(db, {
    columns: ['id', 'citizen_id', 'home_municipality_code', 'external_id', 'origin', 'received_on', 'source', 'legal_basis', 'diagnosis_code'],
    select: sql`
      select p.referral_id, w.id, p.home, p.external_id, 'import', p.received, p.source, p.legal_basis, p.diagnosis
      from extract_stage_plan p join extract_stage_citizen w on w.citizen_key = p.citizen_key
      where p.kind = 'create'`,
  });
  await updateReferralsInBulk(db, {
    columns: ['id', 'citizen_id', 'received_on', 'source', 'legal_basis', 'diagnosis_code'],
    select: sql`
      select p.referral_id, w.id, p.received, p.source, p.legal_basis, p.diagnosis
      from extract_stage_plan p join extract_stage_citizen w on w.citizen_key = p.citizen_key
      where p.kind = 'update'`,
  });
  // The courses are opened here (a changed one opened again); `courses` closes them (`stagedClosings`).
  await insertCoursesInBulk(db, {
    columns: ['id', 'referral_id', 'opened_on'],
    select: sql`select p.course_id, p.referral_id, p.received from extract_stage_plan p where p.kind in ('create', 'update') and p.new_course`,
  });
  await reopenCoursesInBulk(db, sql`select p.course_id, p.received from extract_stage_plan p where p.kind = 'update' and not p.new_course`);
  const updatedCourses = sql`select course_id from extract_stage_plan where kind = 'update' and not new_course`;
  for (const deleteImported of deleteImportedSteps) await deleteImported(db, updatedCourses);
  await insertSteps(db);
  const rows = await sql<{ row: number; referral_id: string; citizen_id: string }>`
    select p.row, p.referral_id, w.id as citizen_id
    from extract_stage_plan p join extract_stage_citizen w on w.citizen_key = p.citizen_key
    where p.kind = 'update'
    order by p.row`.execute(db);
  return rows.rows.map((r) => ({ row: r.row, referralId: r.referral_id, citizenId: r.citizen_id }));
}

/**
 * The imported courses that their closing conversation closes (as completed, on its date; never
 * before the referral was received — the validation refuses that), for `courses`' `closeCourses`.
 */
export async function stagedClosings(db: Db): Promise<{ courseIds: string[]; closedOn: string[] }> {
  const r = await sql<{ course_id: string; closed_on: string }>`
    select p.course_id, p.closing_conversation::text as closed_on from extract_stage_plan p
    where p.kind in ('create', 'update') and p.closing_conversation is not null`.execute(db);
  return { courseIds: r.rows.map((x) => x.course_id), closedOn: r.rows.map((x) => x.closed_on) };
}

/** The audit events of the referrals created (after `mergeReferrals`): one each, naming its citizen. */
export function createdReferralEvents(): RawBuilder<SelectedAuditEvent> {
  return sql<SelectedAuditEvent>`
    select p.row as ord, 'extract.import' as action, 'referral' as entity_type, p.referral_id::text as entity_id, w.id as citizen_id, 'allowed' as outcome,
      jsonb_build_object('change', 'created', 'referralId', p.external_id, 'homeMunicipality', p.home) as detail
    from extract_stage_plan p join extract_stage_citizen w on w.citizen_key = p.citizen_key
    where p.kind = 'create'`;
}

/**
 * The audit events of the citizens the import created or changed (after `mergeCitizens`): a
 * stored citizen's sex or birth date changed by an extract is a change to the citizen like any
 * other, with the old and the new value.
 */
export function citizenChangeEvents(): RawBuilder<SelectedAuditEvent> {
  return sql<SelectedAuditEvent>`
    select row_number() over (order by w.citizen_key)::int as ord,
      case when w.is_new then 'citizen.create' else 'citizen.update' end as action,
      'citizen' as entity_type, w.id::text as entity_id, w.id as citizen_id, 'allowed' as outcome,
      case when w.is_new then jsonb_build_object('source', 'extract.import')
        else jsonb_build_object('source', 'extract.import', 'changes', jsonb_strip_nulls(jsonb_build_object(
          'sex', case when w.stored_sex <> w.sex then jsonb_build_object('from', w.stored_sex, 'to', w.sex) end,
          'birthDate', case when w.stored_birth_date <> w.birth_date then jsonb_build_object('from', w.stored_birth_date, 'to', w.birth_date) end)))
      end as detail
    from extract_stage_citizen w
    where w.is_new or w.stored_sex <> w.sex or w.stored_birth_date <> w.birth_date`;
}

/** The step and intervention rows of the courses created or updated, from the staged dates. */
async function insertSteps(db: Db): Promise<void> {
  const from = sql`from extract_stage_plan p where p.kind in ('create', 'update')`;
  const id = () => newIds()(sql`p.row`);
  await insertCourseContactsInBulk(db, {
    columns: ['id', 'course_id', 'contacted_on', 'reached', 'origin'],
    select: sql`select ${id()}, p.course_id, p.first_contact, true, 'import' ${from} and p.first_contact is not null`,
  });
  await insertNeedsAssessmentsInBulk(db, {
    columns: ['id', 'course_id', 'occasion', 'assessed_on', 'origin'],
    select: sql`select ${id()}, p.course_id, 'initial', p.needs_assessed, 'import' ${from} and p.needs_assessed is not null`,
  });
  // An imported plan's texts are empty (not known); its first follow-up is the agreed date.
  await insertActionPlansInBulk(db, {
    columns: ['id', 'course_id', 'version', 'agreed_on', 'difficulties_and_needs', 'purpose_and_content', 'location', 'first_follow_up_on', 'origin'],
    select: sql`select ${id()}, p.course_id, 1, p.action_plan, '', '', '', p.action_plan, 'import' ${from} and p.action_plan is not null`,
  });
  await insertDeclinesInBulk(db, {
    columns: ['id', 'course_id', 'declined_on', 'reason', 'origin'],
    select: sql`select ${id()}, p.course_id, p.declined, p.decline_reason, 'import' ${from} and p.declined is not null and p.decline_reason is not null`,
  });
  await insertClosingConversationsInBulk(db, {
    columns: ['id', 'course_id', 'held_on', 'evaluation', 'origin'],
    select: sql`select ${id()}, p.course_id, p.closing_conversation, '', 'import' ${from} and p.closing_conversation is not null`,
  });
  await insertClosingNotesInBulk(db, {
    columns: ['id', 'course_id', 'sent_on', 'body', 'origin'],
    select: sql`select ${id()}, p.course_id, p.closing_note_sent, '', 'import' ${from} and p.closing_note_sent is not null`,
  });
  await insertCrossReferralsInBulk(db, {
    columns: [
      'id',
      'course_id',
      'kind',
      'intervention_code',
      'provider_municipality_code',
      'received_on',
      'provider_contact_on',
      'deeper_assessment_on',
      'started_on',
      'ended_on',
      'end_reason',
      'attendances_recorded',
      'origin',
    ],
    select: sql`
      select ${newIds()(sql`row_number() over (order by p.row)`)}, p.course_id, case when i.provider = p.home then 'home' else 'cross_municipal' end, i.intervention, i.provider,
        i.referred, i.provider_contact, i.deeper_assessment, i.start_on, i.end_on, i.end_reason, i.attendances, 'import'
      from extract_stage_plan p join extract_stage_intervention i on i.referral_row = p.row
      where p.kind in ('create', 'update')`,
  });
}
