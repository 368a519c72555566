/**
 * The SQL of an import, set-based over staging tables: the checked extract is COPYed into
 * temporary tables of the import's transaction (dropped at its end), compared with the stored
 * records in a few statements, and merged with INSERT … SELECT and UPDATE … FROM. No statement
 * runs per row, and none has a parameter list that grows with the extract.
 */
import { sql } from 'kysely';
import { copyInto, type Db } from '../../platform/database/database.ts';
import { stagedInterventionColumns, stagedReferralColumns } from './extract-stage.rules.ts';
import { storedInterventionsQuery, storedReferralsQuery } from './extract.repository.ts';

const referralColumnTypes: Record<(typeof stagedReferralColumns)[number], string> = {
  row: 'integer not null',
  referral_id: 'text not null',
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
  await sql`create temporary table extract_stage_referral (${columnsOf(referralColumnTypes)}) on commit drop`.execute(db);
  await sql`create temporary table extract_stage_intervention (${columnsOf(interventionColumnTypes)}) on commit drop`.execute(db);
  await copyInto(db, 'extract_stage_referral', stagedReferralColumns, csv.referrals);
  await copyInto(db, 'extract_stage_intervention', stagedInterventionColumns, csv.interventions);
  await sql`analyze extract_stage_referral`.execute(db);
  await sql`analyze extract_stage_intervention`.execute(db);
}

/** An intervention as a comparable value: the same record type on both sides, nulls equal. */
const interventionValue = (t: { code: string; provider: string; referred: string; contact: string; deeper: string; start: string; end: string; attendances: string; reason: string }) =>
  sql.raw(
    `row(${t.code}::text, ${t.provider}::char(4), ${t.referred}::date, ${t.contact}::date, ${t.deeper}::date, ${t.start}::date, ${t.end}::date, ${t.attendances}::integer, ${t.reason}::text)`,
  );

const storedIntervention = interventionValue({
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

const stagedIntervention = interventionValue({
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

export type PlanKind = 'create' | 'unchanged' | 'update' | 'refuse';

/**
 * What the import does with each staged referral, into `extract_stage_plan`: a referral is known
 * by (home municipality, referral_id) — the care system's id, or for a record made in Samkraft
 * its own id, as the export names it. A known one is compared field by field, and its
 * interventions as a multiset, with the stored record as the export writes it.
 */
export async function planStagedImport(db: Db): Promise<void> {
  await sql`
    create temporary table extract_stage_match on commit drop as
    select distinct on (m.row) m.row, m.id, m.origin
    from (
      select s.row, r.id, r.origin from extract_stage_referral s
      join referral r on r.home_municipality_code = s.home and r.external_id = s.referral_id
      union all
      select s.row, r.id, r.origin from extract_stage_referral s
      join referral r on r.id = (case when s.referral_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then s.referral_id::uuid end)
        and r.external_id is null and r.home_municipality_code = s.home
    ) m
    order by m.row, m.id desc`.execute(db);
  await sql`create temporary table extract_stage_stored on commit drop as ${storedReferralsQuery(sql`select id from extract_stage_match`)}`.execute(db);
  await sql`
    create temporary table extract_stage_plan on commit drop as
    with stored_interventions as (
      select x.course_id, array_agg(${storedIntervention} order by ${storedIntervention}) as list
      from (${storedInterventionsQuery(sql`select course_id as id from extract_stage_stored where course_id is not null`)}) x
      group by x.course_id
    ),
    staged_interventions as (
      select i.referral_row, array_agg(${stagedIntervention} order by ${stagedIntervention}) as list
      from extract_stage_intervention i
      where i.referral_row in (select row from extract_stage_match)
      group by i.referral_row
    )
    select s.row, m.id as referral_id, st.course_id, m.origin,
      case
        when m.row is null then 'create'
        when coalesce(st.cpr, st.pseudonym) is not distinct from coalesce(s.cpr, s.pseudonym)
          and st.sex is not distinct from s.sex
          and st.birth_date is not distinct from s.birth_date
          and st.received_on is not distinct from s.received
          and st.source is not distinct from s.source
          and st.legal_basis is not distinct from s.legal_basis
          and st.diagnosis_code is not distinct from s.diagnosis
          and st.first_contact is not distinct from s.first_contact
          and st.needs_assessed is not distinct from s.needs_assessed
          and st.action_plan is not distinct from s.action_plan
          and st.declined is not distinct from s.declined
          and st.decline_reason is not distinct from s.decline_reason
          and st.closing_conversation is not distinct from s.closing_conversation
          and st.closing_note_sent is not distinct from s.closing_note_sent
          and si.list is not distinct from gi.list then 'unchanged'
        when m.origin = 'import' then 'update'
        else 'refuse'
      end as kind
    from extract_stage_referral s
    left join extract_stage_match m on m.row = s.row
    left join extract_stage_stored st on st.id = m.id
    left join stored_interventions si on si.course_id = st.course_id
    left join staged_interventions gi on gi.referral_row = s.row`.execute(db);
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
 * finds nothing changed. Into `extract_stage_citizen` (key = CPR or pseudonym → id).
 */
export async function mergeCitizens(db: Db): Promise<void> {
  await sql`
    create temporary table extract_stage_citizen on commit drop as
    select w.key, w.cpr, w.pseudonym, w.sex, w.birth_date, w.home,
      coalesce(byc.id, byp.id, gen_random_uuid()) as id,
      coalesce(byc.id, byp.id) is null as is_new,
      coalesce(byc.sex, byp.sex) as stored_sex,
      coalesce(byc.birth_date, byp.birth_date) as stored_birth_date
    from (
      select distinct on (coalesce(s.cpr, s.pseudonym)) coalesce(s.cpr, s.pseudonym) as key, s.cpr, s.pseudonym, s.sex, s.birth_date, s.home
      from extract_stage_referral s
      join extract_stage_plan p on p.row = s.row and p.kind in ('create', 'update')
      order by coalesce(s.cpr, s.pseudonym), s.received desc, s.row
    ) w
    left join citizen byc on byc.cpr = w.cpr
    left join citizen byp on byp.pseudonym = w.pseudonym`.execute(db);
  await sql`
    update citizen c set sex = w.sex, birth_date = w.birth_date, updated_at = now()
    from extract_stage_citizen w
    where c.id = w.id and not w.is_new and (w.stored_sex <> w.sex or w.stored_birth_date <> w.birth_date)`.execute(db);
  await sql`
    insert into citizen (id, cpr, pseudonym, is_synthetic, given_name, family_name, sex, birth_date, home_municipality_code)
    select w.id, w.cpr, w.pseudonym, w.pseudonym is not null, '', '', w.sex, w.birth_date, w.home
    from extract_stage_citizen w where w.is_new`.execute(db);
}

export type MergedReferral = { row: number; kind: 'create' | 'update'; referralId: string; citizenId: string };

/** Step tables whose imported rows an update writes again (rows made in Samkraft are left alone). */
const stepTables = ['course_contact', 'needs_assessment', 'action_plan', 'decline', 'closing_conversation', 'closing_note', 'cross_referral'] as const;

/**
 * Creates the new referrals with their courses, steps and interventions, all marked origin
 * 'import', and replaces the facts of the changed imported ones: their own columns are updated,
 * their imported step and intervention rows written again. Returns what was written, by row.
 */
export async function mergeReferrals(db: Db): Promise<MergedReferral[]> {
  await sql`
    create temporary table extract_stage_target on commit drop as
    select p.row, p.kind, coalesce(p.referral_id, gen_random_uuid()) as referral_id,
      coalesce(p.course_id, gen_random_uuid()) as course_id, p.course_id is null as new_course, w.id as citizen_id
    from extract_stage_plan p
    join extract_stage_referral s on s.row = p.row
    join extract_stage_citizen w on w.key = coalesce(s.cpr, s.pseudonym)
    where p.kind in ('create', 'update')`.execute(db);
  await sql`
    insert into referral (id, citizen_id, home_municipality_code, external_id, origin, received_on, source, legal_basis, diagnosis_code)
    select t.referral_id, t.citizen_id, s.home, s.referral_id, 'import', s.received, s.source, s.legal_basis, s.diagnosis
    from extract_stage_target t join extract_stage_referral s on s.row = t.row
    where t.kind = 'create'`.execute(db);
  await sql`
    update referral r set citizen_id = t.citizen_id, received_on = s.received, source = s.source, legal_basis = s.legal_basis, diagnosis_code = s.diagnosis
    from extract_stage_target t join extract_stage_referral s on s.row = t.row
    where t.kind = 'update' and r.id = t.referral_id`.execute(db);
  // An imported course is closed as completed by its closing conversation.
  await sql`
    insert into course (id, referral_id, opened_on, closed_on, close_reason)
    select t.course_id, t.referral_id, s.received, s.closing_conversation, case when s.closing_conversation is not null then 'completed' end
    from extract_stage_target t join extract_stage_referral s on s.row = t.row
    where t.new_course`.execute(db);
  await sql`
    update course k set opened_on = s.received, closed_on = s.closing_conversation, close_reason = case when s.closing_conversation is not null then 'completed' end
    from extract_stage_target t join extract_stage_referral s on s.row = t.row
    where not t.new_course and k.id = t.course_id`.execute(db);
  for (const table of stepTables) {
    await sql`
      delete from ${sql.table(table)}
      where origin = 'import' and course_id in (select course_id from extract_stage_target where not new_course)`.execute(db);
  }
  await insertSteps(db);
  const rows = await sql<{ row: number; kind: 'create' | 'update'; referral_id: string; citizen_id: string }>`
    select row, kind, referral_id, citizen_id from extract_stage_target order by row`.execute(db);
  return rows.rows.map((r) => ({ row: r.row, kind: r.kind, referralId: r.referral_id, citizenId: r.citizen_id }));
}

/** The step and intervention rows of the target courses, from the staged dates. */
async function insertSteps(db: Db): Promise<void> {
  const from = sql`from extract_stage_target t join extract_stage_referral s on s.row = t.row`;
  await sql`insert into course_contact (course_id, contacted_on, reached, origin) select t.course_id, s.first_contact, true, 'import' ${from} where s.first_contact is not null`.execute(db);
  await sql`insert into needs_assessment (course_id, occasion, assessed_on, origin) select t.course_id, 'initial', s.needs_assessed, 'import' ${from} where s.needs_assessed is not null`.execute(db);
  // An imported plan's texts are empty (not known); its first follow-up is the agreed date.
  await sql`
    insert into action_plan (course_id, version, agreed_on, difficulties_and_needs, purpose_and_content, location, first_follow_up_on, origin)
    select t.course_id, 1, s.action_plan, '', '', '', s.action_plan, 'import' ${from} where s.action_plan is not null`.execute(db);
  await sql`
    insert into decline (course_id, declined_on, reason, origin)
    select t.course_id, s.declined, s.decline_reason, 'import' ${from} where s.declined is not null and s.decline_reason is not null`.execute(db);
  await sql`
    insert into closing_conversation (course_id, held_on, evaluation, origin)
    select t.course_id, s.closing_conversation, '', 'import' ${from} where s.closing_conversation is not null`.execute(db);
  await sql`insert into closing_note (course_id, sent_on, body, origin) select t.course_id, s.closing_note_sent, '', 'import' ${from} where s.closing_note_sent is not null`.execute(db);
  await sql`
    insert into cross_referral (course_id, kind, intervention_code, provider_municipality_code, received_on, provider_contact_on, deeper_assessment_on,
      started_on, ended_on, end_reason, attendances_recorded, origin)
    select t.course_id, case when i.provider = s.home then 'home' else 'cross_municipal' end, i.intervention, i.provider, i.referred, i.provider_contact,
      i.deeper_assessment, i.start_on, i.end_on, i.end_reason, i.attendances, 'import'
    ${from} join extract_stage_intervention i on i.referral_row = t.row`.execute(db);
}
