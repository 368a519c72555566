import { sql, type RawBuilder } from 'kysely';
import type { AuditOutcome } from '@samkraft/contracts/common';
import { selectAuditEventPage, type AuditEventCursor, type ShownAuditEvent } from '../../platform/audit/audit-event-read.repository.ts';
import type { Db } from '../../platform/database/database.ts';

/** One audit event as the auditor's list shows it: who by name and municipality, about which citizen (platform/audit's event row). */
export type AuditReviewRecord = ShownAuditEvent;

export type AuditReviewCursor = AuditEventCursor;

/** The filters as instants: `fromAt` inclusive, `toAt` exclusive. */
export type AuditReviewSelection = {
  municipalityCode: string;
  citizenId?: string;
  userId?: string;
  fromAt?: Date;
  toAt?: Date;
  action?: string;
  outcome?: AuditOutcome;
};

/**
 * A page of the municipality's events, newest first, by keyset on (at, id): never an offset, never
 * a count. The municipality's events are those done by its staff (`actor_municipality`) and those
 * about its citizens (their home municipality now). With a citizen the scan is
 * `audit_event_citizen_id_at_idx`, with a user `audit_event_actor_idx`, else `audit_event_at_idx`
 * (migration 0052); the period bounds `at` in each. One more row than asked says whether an older
 * page exists.
 */
export async function selectAuditReviewPage(db: Db, s: AuditReviewSelection, page: { before: AuditReviewCursor | null; limit: number }): Promise<AuditReviewRecord[]> {
  // The citizens as an uncorrelated `in`: the planner hashes them once (a hashed SubPlan) and tests
  // each event in memory, not by a look-up in citizen per event scanned (bench/plans-issue15.md).
  const where: RawBuilder<unknown>[] = [
    sql`(e.actor_municipality = ${s.municipalityCode} or e.citizen_id in (select h.id from citizen h where h.home_municipality_code = ${s.municipalityCode}))`,
  ];
  if (s.citizenId) where.push(sql`e.citizen_id = ${s.citizenId}::uuid`);
  if (s.userId) where.push(sql`e.actor_user_id = ${s.userId}::uuid`);
  if (s.fromAt) where.push(sql`e.at >= ${s.fromAt.toISOString()}::timestamptz`);
  if (s.toAt) where.push(sql`e.at < ${s.toAt.toISOString()}::timestamptz`);
  if (s.action) where.push(sql`e.action = ${s.action}`);
  if (s.outcome) where.push(sql`e.outcome = ${s.outcome}`);
  return selectAuditEventPage(db, { where, withCitizen: true, before: page.before, limit: page.limit });
}

export type AlertSelection = {
  municipalityCode: string;
  fromAt: Date;
  toAt: Date;
  readActions: readonly string[];
  holidays: readonly string[];
  startHour: number;
  endHour: number;
};

/** One user's reads of the period with who they are. */
export type UserReadCountsRecord = {
  userId: string;
  name: string;
  username: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  roles: string[];
  reads: number;
  citizens: number;
  ownCitizens: number;
  outsideHours: number;
};

/**
 * Every staff user's reads of citizens in the period, set-based in one statement: the
 * municipality's reads — by its staff, or of its citizens by anyone else's — the distinct citizens
 * each user read, how many of them were the user's own — the user is the contact person of one of
 * the citizen's courses, or the citizen has a course in the user's municipality or a
 * cross-municipal referral (a team enrolment) to it — and the reads outside working hours on the
 * Danish wall clock (weekend, a public holiday given as dates, before `startHour` or from
 * `endHour`). The reads are two index-only branches, never the period's whole log: the
 * municipality's staff's by `audit_event_actor_municipality_at_idx` (actor_municipality, at), and
 * its citizens' by another municipality's staff (or none) per citizen by
 * `audit_event_citizen_id_at_idx` (citizen_id, at) — both covering what is tested (migration 0054).
 * The second leaves out what the first has, so a read by the municipality's staff of its own
 * citizen is counted once. Each step is a materialised CTE, so it is computed once, not per row.
 */
export async function selectUserReadCounts(db: Db, s: AlertSelection): Promise<UserReadCountsRecord[]> {
  const r = await sql<{
    user_id: string;
    name: string;
    username: string;
    municipality_code: string | null;
    municipality_name: string | null;
    roles: string[];
    reads: number;
    citizens: number;
    own_citizens: number;
    outside_hours: number;
  }>`
    with reads as materialized (
      select e.actor_user_id as user_id, e.actor_municipality as municipality_code, e.citizen_id,
        (e.at at time zone 'Europe/Copenhagen') as local_at
      from audit_event e
      where e.actor_municipality = ${s.municipalityCode}
        and e.at >= ${s.fromAt.toISOString()}::timestamptz and e.at < ${s.toAt.toISOString()}::timestamptz
        and e.actor_user_id is not null and e.citizen_id is not null and e.outcome = 'allowed'
        and e.action = any(${[...s.readActions]}::text[])
      union all
      -- The citizens as one array: an index descent per citizen, which the planner would otherwise
      -- trade for a scan of the period's whole log (it cannot know how few of the rows are left).
      select e.actor_user_id, e.actor_municipality, e.citizen_id, (e.at at time zone 'Europe/Copenhagen')
      from audit_event e
      where e.citizen_id = any(array(select c.id from citizen c where c.home_municipality_code = ${s.municipalityCode}))
        and e.at >= ${s.fromAt.toISOString()}::timestamptz and e.at < ${s.toAt.toISOString()}::timestamptz
        and e.actor_user_id is not null and e.outcome = 'allowed'
        and e.action = any(${[...s.readActions]}::text[])
        and e.actor_municipality is distinct from ${s.municipalityCode}
    ),
    pairs as materialized (
      select user_id, citizen_id, max(municipality_code) as municipality_code, count(*)::int as reads,
        count(*) filter (where extract(isodow from local_at) >= 6
          or extract(hour from local_at) < ${s.startHour}
          or extract(hour from local_at) >= ${s.endHour}
          or local_at::date = any(${[...s.holidays]}::date[]))::int as outside_hours
      from reads
      group by user_id, citizen_id
    ),
    -- The courses of the citizens read, by the referral's citizen index (the citizens as one array:
    -- the planner cannot know how few they are and would hash the whole of referral, course,
    -- course_assignment and cross_referral instead).
    courses as materialized (
      select r.citizen_id, r.home_municipality_code, k.id as course_id
      from referral r
      join course k on k.referral_id = r.id
      where r.citizen_id = any(array(select distinct citizen_id from pairs))
    ),
    own as materialized (
      select distinct p.user_id, p.citizen_id
      from pairs p
      join courses k on k.citizen_id = p.citizen_id
      where k.home_municipality_code = p.municipality_code
        or exists (select 1 from course_assignment a where a.course_id = k.course_id and a.staff_user_id = p.user_id)
        or exists (select 1 from cross_referral x where x.course_id = k.course_id and x.provider_municipality_code = p.municipality_code)
    ),
    per_user as materialized (
      select p.user_id, max(p.municipality_code) as municipality_code, sum(p.reads)::int as reads, count(*)::int as citizens,
        count(o.citizen_id)::int as own_citizens, sum(p.outside_hours)::int as outside_hours
      from pairs p
      left join own o on o.user_id = p.user_id and o.citizen_id = p.citizen_id
      group by p.user_id
    ),
    user_roles as materialized (
      select sr.staff_user_id, array_agg(sr.role order by sr.role) as roles
      from staff_role sr join per_user u on u.user_id = sr.staff_user_id
      group by sr.staff_user_id
    )
    select u.user_id, su.display_name as name, su.username, u.municipality_code, m.name as municipality_name,
      coalesce(ur.roles, '{}') as roles, u.reads, u.citizens, u.own_citizens, u.outside_hours
    from per_user u
    join staff_user su on su.id = u.user_id
    left join user_roles ur on ur.staff_user_id = u.user_id
    left join municipality m on m.code = u.municipality_code`.execute(db);
  return r.rows.map((x) => ({
    userId: x.user_id,
    name: x.name,
    username: x.username,
    municipalityCode: x.municipality_code,
    municipalityName: x.municipality_name,
    roles: x.roles,
    reads: Number(x.reads),
    citizens: Number(x.citizens),
    ownCitizens: Number(x.own_citizens),
    outsideHours: Number(x.outside_hours),
  }));
}

/**
 * Removes the events older than `before` through the schema owner's function (migration 0052),
 * which refuses a cutoff within the floor and records the purge itself; the number removed.
 */
export async function purgeAuditEventsBefore(db: Db, before: Date, actorLabel: string): Promise<number> {
  const r = await sql<{ deleted: string | number }>`select audit_event_purge(${before.toISOString()}::timestamptz, ${actorLabel}) as deleted`.execute(db);
  return Number(r.rows[0]?.deleted ?? 0);
}
