import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import { insertSetting, readSetting } from '../../platform/settings/system-setting.repository.ts';
import { insertNeedsAssessmentsInBulk } from '../assessments/assessments.bulk.ts';
import { insertStaffRolesInBulk, insertStaffUsersInBulk } from '../auth/auth.bulk.ts';
import { insertOfferingsInBulk, insertRoutingsInBulk } from '../catalogue/catalogue.bulk.ts';
import { insertCitizensInBulk } from '../citizens/citizens.bulk.ts';
import { insertClosingConversationsInBulk, insertClosingNotesInBulk } from '../closings/closings.bulk.ts';
import { insertCourseAssignmentsInBulk, insertCourseContactsInBulk, insertCoursesInBulk } from '../courses/courses.bulk.ts';
import { insertCrossReferralsInBulk, insertDeclinesInBulk } from '../cross-referrals/cross-referrals.bulk.ts';
import { insertFollowUpsInBulk } from '../follow-ups/follow-ups.bulk.ts';
import { insertActionPlansInBulk } from '../plans/plans.bulk.ts';
import { insertReferralsInBulk } from '../referrals/referrals.bulk.ts';
import { insertStatusNotesInBulk } from '../status-notes/status-notes.bulk.ts';
import { insertAttendancesInBulk, insertEnrolmentsInBulk, insertTeamSchedulesInBulk, insertTeamSessionsInBulk, insertTeamsInBulk } from '../teams/teams.bulk.ts';
import type { Hosting, Route } from './scale-data.rules.ts';

/**
 * The SQL of the synthetic scale data: every record of every pathway is built set-based, one
 * statement per table, from a plan held in temporary tables (dropped at commit). The generator
 * writes only those; each table of the records is written by its owner's bulk write
 * (`<feature>.bulk.ts`), given a query over the plan. Randomness is a hash of a record's key and
 * a salt (`hashint8extended`), so the same seed gives the same data on PGlite and PostgreSQL,
 * whatever order rows are processed in.
 */

export type GeneratePlan = {
  /** The Danish date taken as today; the data ends here. */
  today: string;
  years: number;
  seed: number;
  /** Referrals a year per home municipality. */
  municipalities: { code: string; perYear: number }[];
  offerings: Hosting[];
  routes: Route[];
  openCoursesPerContactPerson: number;
};

export type GeneratedCounts = Record<string, number>;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Is there anything but reference data and synthetic records? Names the first kind found. */
export async function findNonSyntheticRecords(db: Db): Promise<string | null> {
  const result = await sql<{ what: string }>`
    select what from (
      select 1 as o, 'citizens that are not synthetic' as what where exists (select 1 from citizen where not is_synthetic)
      union all select 2, 'staff users that are not synthetic' where exists (select 1 from staff_user where not is_synthetic)
      union all select 3, 'offerings that are not synthetic' where exists (select 1 from offering where not is_synthetic)
      union all select 4, 'synthetic records already (generate into an empty database)' where exists (select 1 from citizen where is_synthetic)
    ) t order by o limit 1`.execute(db);
  return result.rows[0]?.what ?? null;
}

export type SyntheticDataSet = { size: string; years: number; seed: number; today: string; homes?: string[]; factor?: number; counts: GeneratedCounts };

const DATA_SET_KEY = 'synthetic_data_set';

/** Notes in the database what was generated into it, so a benchmark can reuse it. */
export async function recordSyntheticDataSet(db: Db, set: SyntheticDataSet): Promise<void> {
  await insertSetting(db, DATA_SET_KEY, JSON.stringify(set));
}

export async function findSyntheticDataSet(db: Db): Promise<SyntheticDataSet | null> {
  const value = await readSetting(db, DATA_SET_KEY);
  return value !== null ? (JSON.parse(value) as SyntheticDataSet) : null;
}

/**
 * Builds the whole data set inside the caller's transaction; `progress` is told each step.
 * Returns the rows written per table.
 */
export async function generateScaleData(db: Db, plan: GeneratePlan, progress: (step: string) => void = () => undefined): Promise<GeneratedCounts> {
  if (!isoDate.test(plan.today)) throw new Error(`today must be YYYY-MM-DD, not ${plan.today}`);
  if (!Number.isInteger(plan.years) || plan.years < 1 || plan.years > 30) throw new Error('years must be a whole number from 1 to 30');
  if (!Number.isInteger(plan.seed) || plan.seed < 0 || plan.seed > 1_000_000) throw new Error('seed must be a whole number from 0 to 1,000,000');
  if (!Number.isInteger(plan.openCoursesPerContactPerson) || plan.openCoursesPerContactPerson < 1) throw new Error('openCoursesPerContactPerson must be a positive whole number');

  const today = `date '${plan.today}'`;
  const from = `(${today} - ${plan.years * 365})`;
  /** A uniform number in [0, 1) from a bigint key and a salt. */
  const u = (key: string, salt: number) => `((hashint8extended((${key})::bigint, ${plan.seed * 1000 + salt}) & 2147483647)::float8 / 2147483648.0)`;
  /** The date, moved off a weekend to the next Monday. */
  const weekday = (d: string) => `((${d}) + case extract(isodow from (${d})) when 6 then 2 when 7 then 1 else 0 end)`;
  /** A date, or null when it lies after today. */
  const upToToday = (d: string) => `case when (${d}) <= ${today} then (${d}) end`;
  /** 10:00 Danish time on a date, as an instant. */
  const at10 = (d: string) => `(((${d}) + time '10:00') at time zone 'Europe/Copenhagen')`;
  const counts: GeneratedCounts = {};
  /** A statement on the generator's own temporary tables. */
  const run = async (step: string, text: string) => {
    progress(step);
    await sql.raw(text).execute(db);
  };
  /** One owner's bulk write into `table`, its rows counted. */
  const write = async (step: string, table: string, insert: () => Promise<number>) => {
    progress(step);
    counts[table] = (counts[table] ?? 0) + (await insert());
  };

  // ── the plan, in temporary tables ──────────────────────────────────────────────────────────
  progress('plan');
  await sql`create temp table syn_muni on commit drop as
    select x.ord, x.code::char(4) as code, x.per_year
    from json_to_recordset(${JSON.stringify(plan.municipalities.map((m, i) => ({ ord: i + 1, code: m.code, per_year: m.perYear })))}::json) as x(ord int, code text, per_year float8)`.execute(db);
  await sql`create temp table syn_route on commit drop as
    select x.intervention_code, x.home::char(4) as home, x.host::char(4) as host
    from json_to_recordset(${JSON.stringify(plan.routes.map((r) => ({ intervention_code: r.interventionCode, home: r.home, host: r.host })))}::json) as x(intervention_code text, home text, host text)`.execute(db);
  await sql`create temp table syn_offering on commit drop as
    select gen_random_uuid() as id, x.intervention_code, x.host::char(4) as host, 1 as teams
    from (select distinct intervention_code, host from json_to_recordset(${JSON.stringify(plan.offerings.map((o) => ({ intervention_code: o.interventionCode, host: o.host })))}::json) as y(intervention_code text, host text)) x`.execute(db);

  const span = `(${plan.years * 365} - 3)`;
  await run(
    'referrals',
    `create temp table syn_r on commit drop as
    select key, home, citizen_id, referral_id, course_id, received_on, sex,
      ((received_on - make_interval(years => age))::date - (floor(${u('key', 5)} * 364))::int) as birth_date,
      case when sex = 'F' then
        case when d < 0.30 then 'DC50' when d < 0.40 then 'DC18' when d < 0.50 then 'DC34' when d < 0.55 then 'DC56' when d < 0.60 then 'DC54'
             when d < 0.66 then 'DC43' when d < 0.70 then 'DC20' when d < 0.72 then 'DC71' when d < 0.74 then 'DC32' when d < 0.77 then 'DC25' else 'DC80' end
      else
        case when d < 0.28 then 'DC61' when d < 0.38 then 'DC18' when d < 0.50 then 'DC34' when d < 0.56 then 'DC67' when d < 0.62 then 'DC43'
             when d < 0.67 then 'DC20' when d < 0.71 then 'DC10' when d < 0.73 then 'DC71' when d < 0.77 then 'DC64' when d < 0.80 then 'DC25' else 'DC80' end
      end as diagnosis,
      case when s < 0.30 then 'hospital_gop' when s < 0.55 then 'hospital_ref01' when s < 0.85 then 'gp' when s < 0.95 then 'self' else 'municipal' end as source,
      case when s < 0.30 then 'SUL140' when s < 0.95 then 'SUL119' else 'SEL86-1' end as legal_basis,
      declined, stalled,
      case when declined then 0 when n < 0.05 then 0 when n < 0.20 then 1 when n < 0.60 then 2 else 3 end as interventions,
      contact_on, declined_on,
      case when not declined and ${u('key', 13)} < 0.95 then ${upToToday(`${weekday('contact_on + 2 + floor(' + u('key', 12) + ' * 10)::int')}`)} end as assessed_on
    from (
      select key, home, gen_random_uuid() as citizen_id, gen_random_uuid() as referral_id, gen_random_uuid() as course_id, received_on,
        case when ${u('key', 2)} < 0.52 then 'F' else 'M' end as sex,
        case when ${u('key', 3)} < 0.01 then 5 + floor(${u('key', 4)} * 12)::int when ${u('key', 3)} < 0.10 then 18 + floor(${u('key', 4)} * 22)::int else 40 + floor(${u('key', 4)} * 50)::int end as age,
        ${u('key', 6)} as d, ${u('key', 7)} as s, ${u('key', 10)} as n,
        ${u('key', 8)} < 0.05 as declined,
        received_on >= ${today} - 730 and ${u('key', 9)} < 0.08 as stalled,
        ${upToToday(weekday(`received_on + 1 + floor(${u('key', 11)} * 6)::int`))} as contact_on,
        ${upToToday(`received_on + 3 + floor(${u('key', 14)} * 5)::int`)} as declined_on
      from (
        select (m.ord::bigint * 100000000 + g.i) as key, m.code as home,
          ${weekday(`${from} + floor(${u('m.ord::bigint * 100000000 + g.i', 1)} * ${span})::int`)} as received_on
        from syn_muni m cross join lateral generate_series(1, round(m.per_year * ${plan.years})::int) as g(i)
      ) base
    ) r`,
  );
  // The plan follows the assessment within a week; a few courses never get one.
  await run('plans', `alter table syn_r add column planned_on date`);
  await run('plans', `update syn_r set planned_on = ${upToToday(weekday(`assessed_on + floor(${u('key', 15)} * 6)::int`))} where assessed_on is not null and ${u('key', 16)} < 0.95`);

  await run(
    'interventions',
    `create temp table syn_x on commit drop as
    select distinct on (r.key, c.code) r.key * 10 + j as xkey, r.key, r.course_id, r.home, c.code as intervention_code, rt.host, o.id as offering_id,
      i.category, gen_random_uuid() as id,
      ${upToToday(weekday(`r.planned_on + floor(${u('r.key * 10 + j', 21)} * 8)::int`))} as received_on
    from syn_r r
    cross join lateral generate_series(1, r.interventions) as j
    cross join lateral (select case
        when v < 0.35 then 'mixed_training'
        when v < 0.50 then 'livskraft'
        when v < 0.62 then case when r.sex = 'M' then 'men_training' when r.diagnosis = 'DC50' then 'breast_training' else 'puls_styrke' end
        when v < 0.72 then case when r.diagnosis = 'DC61' then 'prostate_pelvic_floor' when r.diagnosis = 'DC34' then 'lung'
                                when r.diagnosis in ('DC10', 'DC32') then 'hhk_cross' when r.diagnosis = 'DC71' then 'brain'
                                when r.diagnosis in ('DC18', 'DC20', 'DC25') then 'gi_education' else 'puls_styrke' end
        when v < 0.85 then 'puls_styrke'
        else 'mixed_training' end as code
      from (select ${u('r.key * 10 + j', 20)} as v) pick) c
    join syn_route rt on rt.intervention_code = c.code and rt.home = r.home
    join syn_offering o on o.intervention_code = c.code and o.host = rt.host
    join intervention i on i.code = c.code
    where r.planned_on is not null
    order by r.key, c.code, j`,
  );
  await run('interventions', `delete from syn_x where received_on is null`);
  await run(
    'interventions',
    `alter table syn_x
      add column decision text, add column declined_on date, add column contact_on date, add column deeper_on date, add column enrol_from date, add column quota_share float8`,
  );
  await run(
    'interventions',
    `update syn_x set
      decision = case when received_on + 3 > ${today} then null when ${u('xkey', 22)} < 0.02 then 'declined' else 'accepted' end,
      declined_on = case when received_on + 3 <= ${today} and ${u('xkey', 22)} >= 0.02 and ${u('xkey', 23)} < 0.03 then ${upToToday(`received_on + 2 + floor(${u('xkey', 24)} * 5)::int`)} end,
      quota_share = case when ${u('xkey', 25)} < 0.15 then 0.2 + ${u('xkey', 26)} * 0.5 else 1 end`,
  );
  await run(
    'interventions',
    `update syn_x set contact_on = ${upToToday(weekday(`received_on + 1 + floor(${u('xkey', 27)} * 4)::int`))}
     where decision = 'accepted' and declined_on is null`,
  );
  await run(
    'interventions',
    `update syn_x set
      deeper_on = case when category in ('physical_training', 'interdisciplinary', 'occupational_therapy') then ${upToToday(`contact_on + floor(${u('xkey', 28)} * 3)::int`)} end,
      enrol_from = ${upToToday(`contact_on + 2 + floor(${u('xkey', 29)} * 10)::int`)}
     where contact_on is not null`,
  );

  // ── teams and their sessions ────────────────────────────────────────────────────────────────
  // A rolling team of 15 takes about 50 citizens a year; big catchments get more teams.
  await run(
    'teams',
    `update syn_offering o set teams = greatest(1, ceil(t.n / ${plan.years}.0 / 50))::int
     from (select offering_id, count(*) as n from syn_x group by offering_id) t where t.offering_id = o.id`,
  );
  await run(
    'teams',
    `create temp table syn_team on commit drop as
    select gen_random_uuid() as id, o.id as offering_id, o.intervention_code, k as ordinal, o.host,
      coalesce(i.team_mode, 'rolling') as mode,
      case when o.intervention_code in ('livskraft', 'gi_education') then 7 when o.intervention_code in ('hhk_cross', 'hhk_home', 'lung', 'brain') then 15 else 29 end as quota,
      case when o.intervention_code in ('livskraft', 'gi_education', 'prostate_pelvic_floor') then array[1 + (k % 5)]
           when k % 3 = 0 then array[1, 4] when k % 3 = 1 then array[2, 5] else array[1, 3] end as weekdays
    from syn_offering o join intervention i on i.code = o.intervention_code
    cross join lateral generate_series(0, o.teams - 1) as k`,
  );
  await run(
    'sessions',
    `create temp table syn_session on commit drop as
    select t.id as team_id, (row_number() over (partition by t.id order by d))::int as seq, gen_random_uuid() as id, d::date as day
    from syn_team t
    cross join lateral generate_series(${from}::timestamp, (${today} + 28)::timestamp, interval '1 day') as d
    where extract(isodow from d)::int = any(t.weekdays)`,
  );
  await run('sessions', `alter table syn_session add primary key (team_id, seq)`);
  await run('sessions', `create index on syn_session (team_id, day)`);
  await run('sessions', `analyze syn_session`);

  // ── enrolments and attendance ───────────────────────────────────────────────────────────────
  await run(
    'enrolments',
    `create temp table syn_e on commit drop as
    select x.xkey, x.id as cross_referral_id, gen_random_uuid() as id, t.id as team_id, t.quota, s.seq as start_seq, s.day as start_on,
      greatest(1, floor(t.quota * x.quota_share))::int as quota_used, x.quota_share < 1 as dropped
    from syn_x x
    join syn_offering o on o.id = x.offering_id
    join syn_team t on t.offering_id = x.offering_id and t.ordinal = floor(${u('x.xkey', 30)} * o.teams)::int
    join lateral (select s.seq, s.day from syn_session s where s.team_id = t.id and s.day >= x.enrol_from order by s.day limit 1) s on true
    where x.enrol_from is not null`,
  );
  await run('enrolments', `alter table syn_e add column end_on date`);
  await run(
    'enrolments',
    `update syn_e e set end_on = s.day from syn_session s
     where s.team_id = e.team_id and s.seq = e.start_seq + e.quota_used - 1 and s.day <= ${today}`,
  );
  await run(
    'attendance',
    `create temp table syn_att on commit drop as
    select e.id as enrolment_id, e.team_id, s.id as session_id, s.day,
      case when ${u('e.xkey * 1000 + s.seq - e.start_seq', 31)} < 0.82 then 'attended' when ${u('e.xkey * 1000 + s.seq - e.start_seq', 31)} < 0.92 then 'cancelled' else 'no_show' end as status
    from syn_e e
    join syn_session s on s.team_id = e.team_id and s.seq between e.start_seq and e.start_seq + e.quota_used - 1 and s.day <= ${today}`,
  );
  await run(
    'attendance',
    `create temp table syn_xa on commit drop as
    select e.cross_referral_id, min(a.day) filter (where a.status = 'attended') as started_on, count(*) filter (where a.status = 'attended')::int as attended
    from syn_e e join syn_att a on a.enrolment_id = e.id group by e.cross_referral_id`,
  );

  // When each intervention is over for the home municipality: ended, declined by either side.
  await run(
    'courses',
    `create temp table syn_xdone on commit drop as
    select x.key, x.id, x.xkey,
      case when x.decision = 'declined' then x.received_on + 3 when x.declined_on is not null then x.declined_on else e.end_on end as done_on
    from syn_x x left join syn_e e on e.cross_referral_id = x.id`,
  );
  await run(
    'courses',
    `create temp table syn_kdone on commit drop as
    select key, bool_or(done_on is null) as pending, max(done_on) as last_done_on from syn_xdone group by key`,
  );
  // The course: closed by the closing note (completed), by the citizen's decline, or without a
  // plan (not in the target group, or other) some weeks after the referral; open while recent,
  // and when stalled.
  await run(
    'courses',
    `create temp table syn_k on commit drop as
    select r.key, r.course_id, r.home, c.conversation_on,
      case when c.conversation_on <= ${today} then ${upToToday(`c.conversation_on + floor(${u('r.key', 41)} * 5)::int`)} end as note_on,
      case when r.declined then r.declined_on when c.unplanned_on <= ${today} then c.unplanned_on end as closed_on,
      case when r.declined and r.declined_on is not null then 'declined'
           when c.unplanned_on <= ${today} then case when r.assessed_on is null then 'other' else 'not_in_target_group' end end as close_reason
    from syn_r r
    left join syn_kdone d on d.key = r.key
    cross join lateral (select
        case when r.declined or r.stalled or r.planned_on is null or coalesce(d.pending, false) then null
             else ${upToToday(`greatest(r.planned_on, d.last_done_on) + 5 + floor(${u('r.key', 40)} * 20)::int`)} end as conversation_on,
        case when not r.declined and not r.stalled and r.planned_on is null then r.received_on + 45 + floor(${u('r.key', 48)} * 30)::int end as unplanned_on
      ) c`,
  );
  await run('courses', `update syn_k set closed_on = note_on, close_reason = 'completed' where note_on is not null`);

  // ── staff: contact persons for the open courses, a lead, therapists, one coordinator ───────
  await run(
    'staff',
    `create temp table syn_staff on commit drop as
    select gen_random_uuid() as id, m.code, 'contact_person' as role, k as ordinal
    from syn_muni m
    cross join lateral generate_series(1, greatest(1, round((select count(*) from syn_k c where c.home = m.code and c.closed_on is null) / ${plan.openCoursesPerContactPerson}.0))::int) as k
    union all select gen_random_uuid(), m.code, 'municipal_lead', 1 from syn_muni m
    union all select gen_random_uuid(), m.code, 'therapist', k from syn_muni m cross join generate_series(1, 2) as k
    union all select gen_random_uuid(), (select code from syn_muni order by ord limit 1), 'coordinator', 1`,
  );
  await run(
    'staff',
    `create temp table syn_cp on commit drop as
    select code, array_agg(id order by ordinal) as ids from syn_staff where role = 'contact_person' group by code`,
  );

  // ── the records: each table by its owner's bulk write, from the plan (result columns by position) ──
  await write('staff', 'staff_user', () =>
    insertStaffUsersInBulk(db, {
      columns: ['id', 'username', 'display_name', 'municipality_code', 'profession', 'is_synthetic'],
      select: sql.raw(`select id, 'syn.' || code || '.' || replace(role, '_', '-') || ordinal, 'Syntetisk ' || case role when 'contact_person' then 'kontaktperson' when 'municipal_lead' then 'driftsleder' when 'therapist' then 'terapeut' else 'koordinator' end || ' ' || code || '-' || ordinal, code,
       case role when 'therapist' then 'physiotherapist' when 'contact_person' then 'nurse' else 'other' end, true
     from syn_staff`),
    }),
  );
  await write('staff', 'staff_role', () => insertStaffRolesInBulk(db, { columns: ['staff_user_id', 'role'], select: sql.raw(`select id, role from syn_staff`) }));
  await write('offerings', 'offering', () =>
    insertOfferingsInBulk(db, {
      columns: ['id', 'intervention_code', 'host_municipality_code', 'place_name', 'capacity', 'valid_from', 'is_synthetic', 'note'],
      select: sql.raw(`select id, intervention_code, host, 'Syntetisk tilbud ' || host, 15 * teams, ${from}, true, 'Syntetiske data' from syn_offering`),
    }),
  );
  await write('offerings', 'routing', () =>
    insertRoutingsInBulk(db, {
      columns: ['intervention_code', 'home_municipality_code', 'offering_id', 'valid_from', 'note'],
      select: sql.raw(`select rt.intervention_code, rt.home, o.id, ${from}, 'Syntetiske data'
     from syn_route rt join syn_offering o on o.intervention_code = rt.intervention_code and o.host = rt.host`),
    }),
  );
  await write('citizens', 'citizen', () =>
    insertCitizensInBulk(db, {
      columns: ['id', 'pseudonym', 'is_synthetic', 'given_name', 'family_name', 'sex', 'birth_date', 'home_municipality_code'],
      select: sql.raw(`select citizen_id, 'P-SYN-' || key, true, 'Syntetisk', 'Borger ' || key, sex, birth_date, home from syn_r`),
    }),
  );
  await write('referrals', 'referral', () =>
    insertReferralsInBulk(db, {
      columns: ['id', 'citizen_id', 'home_municipality_code', 'origin', 'received_on', 'source', 'legal_basis', 'diagnosis_code', 'treatment_status', 'target_group'],
      select: sql.raw(`select referral_id, citizen_id, home, 'synthetic', received_on, source, legal_basis, diagnosis, 'treatment_ended', 'in_group' from syn_r`),
    }),
  );
  await write('courses', 'course', () =>
    insertCoursesInBulk(db, {
      columns: ['id', 'referral_id', 'opened_on', 'closed_on', 'close_reason'],
      select: sql.raw(`select r.course_id, r.referral_id, r.received_on, k.closed_on, k.close_reason from syn_r r join syn_k k on k.key = r.key`),
    }),
  );
  await write('courses', 'course_assignment', () =>
    insertCourseAssignmentsInBulk(db, {
      columns: ['course_id', 'staff_user_id', 'assigned_at'],
      select: sql.raw(`select r.course_id, cp.ids[1 + floor(${u('r.key', 42)} * array_length(cp.ids, 1))::int], ${at10('r.received_on')}
     from syn_r r join syn_cp cp on cp.code = r.home`),
    }),
  );
  await write('contacts', 'course_contact', () =>
    insertCourseContactsInBulk(db, {
      columns: ['course_id', 'contacted_on', 'channel', 'reached', 'origin', 'recorded_at'],
      select: sql.raw(`select course_id, contact_on, 'phone', true, 'synthetic', ${at10('contact_on')} from syn_r where contact_on is not null`),
    }),
  );
  await write('assessments', 'needs_assessment', () =>
    insertNeedsAssessmentsInBulk(db, {
      columns: ['course_id', 'occasion', 'assessed_on', 'scale_score', 'origin', 'recorded_at'],
      select: sql.raw(
        `select course_id, 'initial', assessed_on, floor(${u('key', 17)} * 11)::int, 'synthetic', ${at10('assessed_on')} from syn_r where assessed_on is not null`,
      ),
    }),
  );
  await write('plans', 'action_plan', () =>
    insertActionPlansInBulk(db, {
      columns: ['course_id', 'version', 'agreed_on', 'difficulties_and_needs', 'purpose_and_content', 'location', 'first_follow_up_on', 'origin', 'created_at'],
      select: sql.raw(`select course_id, 1, planned_on, 'Syntetiske data', 'Syntetiske data', 'Syntetiske data', planned_on + 28, 'synthetic', ${at10('planned_on')}
     from syn_r where planned_on is not null`),
    }),
  );
  await write('plans', 'follow_up', () =>
    insertFollowUpsInBulk(db, {
      columns: ['course_id', 'planned_on', 'held_on', 'channel'],
      select: sql.raw(`select course_id, planned_on + 28, ${upToToday('planned_on + 28')}, case when planned_on + 28 <= ${today} then 'phone' end
     from syn_r where planned_on is not null`),
    }),
  );
  await write('declines', 'decline', () =>
    insertDeclinesInBulk(db, {
      columns: ['course_id', 'declined_on', 'reason', 'origin'],
      select: sql.raw(`select course_id, declined_on, case when ${u('key', 43)} < 0.5 then 'not_relevant' else 'other' end, 'synthetic'
     from syn_r where declined and declined_on is not null`),
    }),
  );
  await write('interventions', 'cross_referral', () =>
    insertCrossReferralsInBulk(db, {
      columns: [
        'id',
        'course_id',
        'kind',
        'intervention_code',
        'offering_id',
        'provider_municipality_code',
        'consent_on',
        'shared_snapshot',
        'sent_at',
        'received_on',
        'provider_decision',
        'provider_decision_reason',
        'provider_contact_on',
        'deeper_assessment_on',
        'started_on',
        'ended_on',
        'end_reason',
        'origin',
      ],
      select: sql.raw(`select x.id, x.course_id, case when x.host = x.home then 'home' else 'cross_municipal' end, x.intervention_code, x.offering_id, x.host,
       case when x.host <> x.home then x.received_on end,
       case when x.host <> x.home then '{"synthetic": true}'::jsonb end,
       case when x.host <> x.home then ${at10('x.received_on')} end,
       x.received_on, x.decision, case when x.decision = 'declined' then 'Syntetiske data' end, x.contact_on, x.deeper_on,
       xa.started_on, e.end_on,
       case when e.end_on is null then null when not e.dropped then 'completed' when ${u('x.xkey', 32)} < 0.7 then 'dropped_out' else 'health_worsened' end,
       'synthetic'
     from syn_x x left join syn_e e on e.cross_referral_id = x.id left join syn_xa xa on xa.cross_referral_id = x.id`),
    }),
  );
  await write('declines', 'decline', () =>
    insertDeclinesInBulk(db, {
      columns: ['course_id', 'cross_referral_id', 'declined_on', 'reason', 'origin'],
      select: sql.raw(`select course_id, id, declined_on, case when ${u('xkey', 44)} < 0.5 then 'too_far' else 'not_relevant' end, 'synthetic'
     from syn_x where declined_on is not null`),
    }),
  );
  await write('teams', 'team', () =>
    insertTeamsInBulk(db, {
      columns: ['id', 'offering_id', 'name', 'mode', 'capacity', 'session_quota', 'starts_on'],
      select: sql.raw(`select id, offering_id, 'Syntetisk hold ' || (ordinal + 1), mode, 15, quota, ${from} from syn_team`),
    }),
  );
  await write('teams', 'team_schedule', () =>
    insertTeamSchedulesInBulk(db, {
      columns: ['team_id', 'weekday', 'start_time', 'duration_minutes'],
      select: sql.raw(`select t.id, w, time '10:00', case when t.quota = 7 then 150 else 60 end from syn_team t cross join lateral unnest(t.weekdays) as w`),
    }),
  );
  await write('sessions', 'team_session', () =>
    insertTeamSessionsInBulk(db, {
      columns: ['id', 'team_id', 'starts_at', 'duration_minutes'],
      select: sql.raw(`select s.id, s.team_id, ${at10('s.day')}, case when t.quota = 7 then 150 else 60 end from syn_session s join syn_team t on t.id = s.team_id`),
    }),
  );
  await write('enrolments', 'enrolment', () =>
    insertEnrolmentsInBulk(db, {
      columns: ['id', 'team_id', 'cross_referral_id', 'status', 'start_on', 'quota', 'ended_on', 'end_reason'],
      select: sql.raw(`select id, team_id, cross_referral_id, case when end_on is null then 'enrolled' else 'ended' end, start_on, quota, end_on,
       case when end_on is null then null when dropped then 'dropped_out' else 'quota_reached' end
     from syn_e`),
    }),
  );
  await write('attendance', 'attendance', () =>
    insertAttendancesInBulk(db, {
      columns: ['team_session_id', 'enrolment_id', 'team_id', 'status', 'cancel_reason', 'recorded_at'],
      select: sql.raw(`select session_id, enrolment_id, team_id, status, case when status = 'cancelled' then 'Syg' end, ${at10('day')} from syn_att`),
    }),
  );
  const reader = `(select cp.ids[1 + floor(${u('x.key', 42)} * array_length(cp.ids, 1))::int] from syn_cp cp where cp.code = x.home)`;
  await write('status notes', 'status_note', () =>
    insertStatusNotesInBulk(db, {
      columns: ['cross_referral_id', 'kind', 'written_on', 'body', 'sent_at', 'read_at', 'read_by'],
      select: sql.raw(`select x.id, 'start', xa.started_on + 1, 'Syntetisk statusnotat', ${at10('xa.started_on + 1')},
       case when xa.started_on + 8 <= ${today} then ${at10('xa.started_on + 3')} end, case when xa.started_on + 8 <= ${today} then ${reader} end
     from syn_x x join syn_xa xa on xa.cross_referral_id = x.id where xa.started_on + 1 <= ${today}`),
    }),
  );
  await write('status notes', 'status_note', () =>
    insertStatusNotesInBulk(db, {
      columns: ['cross_referral_id', 'kind', 'written_on', 'body', 'course_end_on', 'attendance_count', 'end_reason', 'sent_at', 'read_at', 'read_by'],
      select: sql.raw(`select x.id, 'end', e.end_on + 2, 'Syntetisk statusnotat', e.end_on, coalesce(xa.attended, 0), c.end_reason, ${at10('e.end_on + 2')},
       case when e.end_on + 9 <= ${today} then ${at10('e.end_on + 4')} end, case when e.end_on + 9 <= ${today} then ${reader} end
     from syn_x x join syn_e e on e.cross_referral_id = x.id left join syn_xa xa on xa.cross_referral_id = x.id join cross_referral c on c.id = x.id
     where e.end_on + 2 <= ${today}`),
    }),
  );
  await write('closings', 'closing_conversation', () =>
    insertClosingConversationsInBulk(db, {
      columns: ['course_id', 'held_on', 'evaluation', 'satisfaction', 'benefit', 'questionnaire_declined', 'origin', 'recorded_at'],
      select: sql.raw(`select k.course_id, k.conversation_on, 'Syntetiske data',
       case when q < 0.15 or q >= 0.95 then null when ${u('k.key', 46)} < 0.1 then 3 when ${u('k.key', 46)} < 0.5 then 4 else 5 end,
       case when q < 0.15 or q >= 0.95 then null when ${u('k.key', 47)} < 0.15 then 3 when ${u('k.key', 47)} < 0.55 then 4 else 5 end,
       q >= 0.95, 'synthetic', ${at10('k.conversation_on')}
     from (select k.*, ${u('k.key', 45)} as q from syn_k k) k where k.conversation_on is not null`),
    }),
  );
  await write('closings', 'closing_note', () =>
    insertClosingNotesInBulk(db, {
      columns: ['course_id', 'body', 'composed_at', 'sent_on', 'sent_to_gp', 'origin'],
      select: sql.raw(`select course_id, 'Syntetisk afslutningsnotat', ${at10('note_on')}, note_on, true, 'synthetic' from syn_k where note_on is not null`),
    }),
  );
  return counts;
}
