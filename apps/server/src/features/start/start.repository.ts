import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { Role } from '@samkraft/contracts/common';

export type TeamRow = {
  id: string;
  name: string;
  interventionCode: string;
  interventionName: string;
  mode: 'rolling' | 'cohort';
  capacity: number;
  enrolled: number;
  waiting: number;
  startsOn: string;
  schedule: { weekday: number; startTime: string; durationMinutes: number }[];
};

export async function listTeamsHostedBy(db: Db, municipalityCode: string, today: string): Promise<TeamRow[]> {
  const rows = await db
    .selectFrom('team as t')
    .innerJoin('offering as o', 'o.id', 't.offering_id')
    .innerJoin('intervention as i', 'i.code', 'o.intervention_code')
    .select([
      't.id',
      't.name',
      't.mode',
      't.capacity',
      't.starts_on',
      'i.code',
      'i.name_da',
      sql<number>`(select count(*)::int from enrolment e where e.team_id = t.id and e.status = 'enrolled')`.as('enrolled'),
      sql<number>`(select count(*)::int from enrolment e where e.team_id = t.id and e.status = 'waiting')`.as('waiting'),
      sql<{ weekday: number; startTime: string; durationMinutes: number }[]>`coalesce((select json_agg(json_build_object('weekday', s.weekday, 'startTime', to_char(s.start_time, 'HH24:MI'), 'durationMinutes', s.duration_minutes) order by s.weekday, s.start_time) from team_schedule s where s.team_id = t.id), '[]'::json)`.as('schedule'),
    ])
    .where('o.host_municipality_code', '=', municipalityCode)
    .where((eb) => eb.or([eb('t.ends_on', 'is', null), eb('t.ends_on', '>=', today)]))
    .orderBy('i.name_da')
    .orderBy('t.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    interventionCode: r.code,
    interventionName: r.name_da,
    mode: r.mode,
    capacity: r.capacity,
    enrolled: r.enrolled,
    waiting: r.waiting,
    startsOn: r.starts_on,
    schedule: r.schedule,
  }));
}

export type StaffLoadRow = { id: string; name: string; roles: Role[]; openCourses: number };

export async function listStaffWithLoad(db: Db, municipalityCode: string): Promise<StaffLoadRow[]> {
  const rows = await db
    .selectFrom('staff_user as u')
    .select([
      'u.id',
      'u.display_name',
      sql<Role[]>`coalesce((select array_agg(r.role order by r.role) from staff_role r where r.staff_user_id = u.id), '{}')`.as('roles'),
      sql<number>`(select count(*)::int from course_assignment a join course k on k.id = a.course_id
        where a.staff_user_id = u.id and a.ended_at is null and k.closed_on is null)`.as('open_courses'),
    ])
    .where('u.municipality_code', '=', municipalityCode)
    .where('u.active', '=', true)
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, roles: r.roles, openCourses: r.open_courses }));
}

export type MunicipalityCountRow = {
  code: string;
  name: string;
  referrals: number;
  openCourses: number;
  referredToOthers: number;
  receivedFromOthers: number;
};

/** Aggregates per member municipality for a period — no person-level data. */
export async function countPerMunicipality(db: Db, from: string, to: string): Promise<MunicipalityCountRow[]> {
  const rows = await db
    .selectFrom('municipality as m')
    .select([
      'm.code',
      'm.name',
      sql<number>`(select count(*)::int from referral r where r.home_municipality_code = m.code and r.received_on between ${from} and ${to})`.as('referrals'),
      sql<number>`(select count(*)::int from course k join referral r on r.id = k.referral_id where r.home_municipality_code = m.code and k.closed_on is null)`.as('open_courses'),
      sql<number>`(select count(*)::int from cross_referral x join course k on k.id = x.course_id join referral r on r.id = k.referral_id
        where r.home_municipality_code = m.code and x.provider_municipality_code <> m.code and x.kind = 'cross_municipal' and x.received_on between ${from} and ${to})`.as('referred_to_others'),
      sql<number>`(select count(*)::int from cross_referral x join course k on k.id = x.course_id join referral r on r.id = k.referral_id
        where x.provider_municipality_code = m.code and r.home_municipality_code <> m.code and x.kind = 'cross_municipal' and x.received_on between ${from} and ${to})`.as('received_from_others'),
    ])
    .where('m.is_member', '=', true)
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    referrals: r.referrals,
    openCourses: r.open_courses,
    referredToOthers: r.referred_to_others,
    receivedFromOthers: r.received_from_others,
  }));
}

/** The municipality's closed courses (as home municipality). */
export async function countClosedCourses(db: Db, municipalityCode: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from course k join referral r on r.id = k.referral_id
    where r.home_municipality_code = ${municipalityCode} and k.closed_on is not null`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export async function countSystem(db: Db, since: Date): Promise<{ users: number; municipalities: number; interventions: number; offerings: number; auditEventsToday: number }> {
  const r = await db
    .selectNoFrom([
      sql<number>`(select count(*)::int from staff_user where active)`.as('users'),
      sql<number>`(select count(*)::int from municipality where is_member)`.as('municipalities'),
      sql<number>`(select count(*)::int from intervention where active)`.as('interventions'),
      sql<number>`(select count(*)::int from offering)`.as('offerings'),
      sql<number>`(select count(*)::int from audit_event where at >= ${since})`.as('audit_events'),
    ])
    .executeTakeFirstOrThrow();
  return { users: r.users, municipalities: r.municipalities, interventions: r.interventions, offerings: r.offerings, auditEventsToday: r.audit_events };
}

export async function municipalityName(db: Db, code: string): Promise<string> {
  const r = await db.selectFrom('municipality').select('name').where('code', '=', code).executeTakeFirst();
  return r?.name ?? code;
}
