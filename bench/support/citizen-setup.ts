/**
 * What the citizen pages' benchmark adds to its copy of the national set (run.ts `citizen`), each
 * step set-based (INSERT … SELECT / UPDATE … FROM, never a loop) and done once (kept):
 *
 * - **preparation forms** (issue 13.3): one per course, sent the day the course opened by its
 *   contact person; by a hash, most opened, two in three answered;
 * - **citizen questionnaires** (issue 13.5): a third of the closing conversations held with the
 *   citizen answering on their own phone (requested the day it was held, due two weeks later,
 *   answered two days after when it holds answers);
 * - **relatives** (issue 13.8): one on three courses in ten, a second on one in twenty;
 * - **the audit log at national volume**: the generated set audits nothing, but every staff read
 *   of a citizen's data is audited, so the log is by far the biggest table. The rate assumed,
 *   from how the staff pages read: each week a course is open its contact person reads it three
 *   times (the course page, the worklist showing it, and one of the needs assessment, the plan,
 *   the deadlines or the attendance by a hash), and each attendance is read twice by a therapist
 *   of the team's host municipality (the team's list the day before, the attendance list at the
 *   session). Rows are inserted in time order, as a live log fills, so a citizen's rows lie
 *   spread over the table as they would.
 */
import { sql } from 'kysely';
import type { Db } from '../../apps/server/src/platform/database/database.ts';

function log(line: string): void {
  process.stdout.write(`    ${line}\n`);
}

const count = async (db: Db, table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0);

/** A number 0 … 999 from a row's id and a salt (an SQL expression), the same on every run. */
const hash = (expr: string, salt: string) => `(abs(hashtext(${expr}::text || ${salt})) % 1000)`;

export type CitizenPortalVolume = { preparationForms: number; questionnaires: number; relatives: number; auditEvents: number; auditSeconds: number | null };

export async function ensureCitizenPortalData(db: Db, today: string): Promise<CitizenPortalVolume> {
  // The course's contact person (its latest assignment), for whoever sent or read it.
  const contactOf = `(select a.staff_user_id from course_assignment a where a.course_id = k.id order by a.assigned_at desc, a.id desc limit 1)`;
  if ((await count(db, 'preparation_form')) === 0) {
    log('adding preparation forms …');
    await sql
      .raw(
        `insert into preparation_form (course_id, citizen_id, sent_at, sent_by, opened_at, saved_at, answered_at, scale_score, problem_codes, what_matters_most)
      select k.id, r.citizen_id, s.sent_at, s.sent_by,
        case when ${hash('k.id', "'o'")} < 850 then s.sent_at + interval '1 day' end,
        case when ${hash('k.id', "'o'")} < 700 then s.sent_at + interval '2 days' end,
        case when ${hash('k.id', "'o'")} < 650 then s.sent_at + interval '2 days' end,
        case when ${hash('k.id', "'o'")} < 650 then ${hash('k.id', "'s'")} % 11 end,
        '{}', case when ${hash('k.id', "'o'")} < 650 then 'At kunne gå tur med hunden igen' end
      from course k join referral r on r.id = k.referral_id
      cross join lateral (select (k.opened_on + time '10:00') at time zone 'Europe/Copenhagen' as sent_at, ${contactOf} as sent_by) s
      where s.sent_by is not null`,
      )
      .execute(db);
  }
  if ((await sql<{ n: string }>`select count(*) as n from closing_conversation where answer_source = 'citizen'`.execute(db)).rows[0]?.n === '0') {
    log('adding citizen questionnaires …');
    await sql
      .raw(
        `update closing_conversation cc set answer_source = 'citizen',
        citizen_requested_at = (cc.held_on + time '11:00') at time zone 'Europe/Copenhagen',
        citizen_requested_by = coalesce(cc.recorded_by, (select a.staff_user_id from course_assignment a where a.course_id = cc.course_id order by a.assigned_at desc, a.id desc limit 1)),
        citizen_due_on = cc.held_on + 14,
        citizen_answered_at = case when cc.satisfaction is not null or cc.benefit is not null or cc.questionnaire_declined then (cc.held_on + 2 + time '19:00') at time zone 'Europe/Copenhagen' end
      where ${hash('cc.id', "'q'")} < 333`,
      )
      .execute(db);
  }
  if ((await count(db, 'course_relative')) === 0) {
    log('adding relatives …');
    await sql
      .raw(
        `insert into course_relative (course_id, name, relation, phone, consent_to_participate, consent_to_share_with_provider, consent_given_on, starts_on, ends_on, created_by, created_at)
      select k.id, 'Syntetisk pårørende ' || n, (array['partner','child','parent','sibling','friend'])[1 + ${hash('k.id', "'rel'")} % 5], '+45 20 00 00 0' || n,
        true, ${hash('k.id', "'sh'")} < 600, k.opened_on + 7, k.opened_on + 7, case when k.closed_on is not null and k.closed_on >= k.opened_on + 7 then k.closed_on end,
        ${contactOf}, (k.opened_on + 7 + time '10:00') at time zone 'Europe/Copenhagen'
      from course k cross join generate_series(1, 2) n
      where ${hash('k.id', "'r'")} < case n when 1 then 300 else 50 end`,
      )
      .execute(db);
  }
  let auditSeconds: number | null = null;
  if ((await count(db, 'audit_event')) < 1_000_000) {
    log('adding ten years of staff reads to the audit log (set-based; a few minutes) …');
    const started = performance.now();
    await db.transaction().execute(async (trx) => {
      await sql`set local work_mem = '1GB'`.execute(trx);
      await sql.raw(`create temporary table bench_staff on commit drop as
        select s.id, s.username, s.municipality_code, coalesce((select array_agg(r.role order by r.role) from staff_role r where r.staff_user_id = s.id), '{}') as roles,
          row_number() over (partition by s.municipality_code order by s.username) as n
        from staff_user s`).execute(trx);
      await sql.raw(`create temporary table bench_read on commit drop as
        select k.id as course_id, r.citizen_id, k.opened_on, coalesce(k.closed_on, '${today}'::date) as until, ${contactOf} as user_id
        from course k join referral r on r.id = k.referral_id`).execute(trx);
      await sql.raw(`insert into audit_event (at, actor_user_id, actor_label, actor_municipality, actor_roles, action, entity_type, entity_id, citizen_id, outcome)
        select x.at, s.id, s.username, s.municipality_code, s.roles, x.action, x.entity_type, x.entity_id, x.citizen_id, 'allowed'
        from (
          select ((w.day::date + time '08:00') at time zone 'Europe/Copenhagen') + (${hash('c.course_id', "w.day::text || a.n")} * 30 + ${hash('c.course_id', "'sec'")}) * interval '1 second' as at,
            c.user_id, case a.n when 1 then 'course.read' when 2 then 'worklist.list'
              else (array['needs_assessment.read','action_plan.read','deadline.read','attendance.referral_read'])[1 + ${hash('c.course_id', 'w.day::text')} % 4] end as action,
            'course' as entity_type, c.course_id::text as entity_id, c.citizen_id
          from bench_read c
          cross join lateral generate_series(c.opened_on, c.until, interval '7 days') w(day)
          cross join generate_series(1, 3) a(n)
          where c.user_id is not null
          union all
          select s.starts_at - case g when 1 then interval '1 day' else interval '10 minutes' end, t.id,
            case g when 1 then 'team.read' else 'attendance.read' end, 'team_session', s.id::text, r.citizen_id
          from attendance a
          join team_session s on s.id = a.team_session_id
          join enrolment e on e.id = a.enrolment_id
          join cross_referral x on x.id = e.cross_referral_id
          join course k on k.id = x.course_id
          join referral r on r.id = k.referral_id
          join team tm on tm.id = a.team_id
          join offering o on o.id = tm.offering_id
          join bench_staff t on t.municipality_code = o.host_municipality_code and t.username like '%.therapist1'
          cross join generate_series(1, 2) g
          where s.starts_at < '${today}'::date + 1
        ) x
        join bench_staff s on s.id = x.user_id
        where x.at < '${today}'::date + 1
        order by x.at`).execute(trx);
    });
    auditSeconds = (performance.now() - started) / 1000;
    log(`audit log filled in ${auditSeconds.toFixed(0)} s`);
    await sql`analyze audit_event`.execute(db);
    await sql`analyze preparation_form`.execute(db);
    await sql`analyze closing_conversation`.execute(db);
    await sql`analyze course_relative`.execute(db);
  }
  const questionnaires = Number((await sql<{ n: string }>`select count(*) as n from closing_conversation where answer_source = 'citizen'`.execute(db)).rows[0]?.n ?? 0);
  // The audit log's size from the statistics (a count would read tens of millions of rows each run).
  const auditEvents = Number((await sql<{ n: string }>`select reltuples::bigint as n from pg_class where relname = 'audit_event'`.execute(db)).rows[0]?.n ?? 0);
  return { preparationForms: await count(db, 'preparation_form'), questionnaires, relatives: await count(db, 'course_relative'), auditEvents, auditSeconds };
}
