import { sql } from 'kysely';
import type { SessionKind, TeamMode } from '@samkraft/contracts/teams';
import type { Db } from '../../platform/database/database.ts';
import type { Slot } from './team.rules.ts';

export type OfferingRecord = {
  id: string;
  placeName: string;
  hostMunicipalityCode: string;
  interventionCode: string;
  interventionName: string;
  teamMode: TeamMode | null;
  cohortFollowUpWeeks: number | null;
  doseParts: { sessions: number }[];
};

async function doseParts(db: Db, codes: string[]): Promise<Map<string, { sessions: number }[]>> {
  const byCode = new Map<string, { sessions: number }[]>();
  if (codes.length === 0) return byCode;
  const rows = await db.selectFrom('intervention_dose_part').select(['intervention_code', 'sessions']).where('intervention_code', 'in', codes).execute();
  for (const r of rows) byCode.set(r.intervention_code, [...(byCode.get(r.intervention_code) ?? []), { sessions: r.sessions }]);
  return byCode;
}

function offeringQuery(db: Db) {
  return db
    .selectFrom('offering as o')
    .innerJoin('intervention as i', 'i.code', 'o.intervention_code')
    .select(['o.id', 'o.place_name', 'o.host_municipality_code', 'o.intervention_code', 'i.name_da', 'i.team_mode', 'i.cohort_follow_up_weeks']);
}

type OfferingRow = { id: string; place_name: string; host_municipality_code: string; intervention_code: string; name_da: string; team_mode: TeamMode | null; cohort_follow_up_weeks: number | null };

async function toOfferings(db: Db, rows: OfferingRow[]): Promise<OfferingRecord[]> {
  const parts = await doseParts(db, [...new Set(rows.map((r) => r.intervention_code))]);
  return rows.map((r) => ({
    id: r.id,
    placeName: r.place_name,
    hostMunicipalityCode: r.host_municipality_code,
    interventionCode: r.intervention_code,
    interventionName: r.name_da,
    teamMode: r.team_mode,
    cohortFollowUpWeeks: r.cohort_follow_up_weeks,
    doseParts: parts.get(r.intervention_code) ?? [],
  }));
}

/** Offerings a municipality hosts that run as teams and are valid on `today`. */
export async function listTeamOfferings(db: Db, hostMunicipalityCode: string, today: string): Promise<OfferingRecord[]> {
  const rows = await offeringQuery(db)
    .where('o.host_municipality_code', '=', hostMunicipalityCode)
    .where('i.form', '<>', 'individual')
    .where('o.valid_from', '<=', today)
    .where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('o.valid_to', '>=', today)]))
    .orderBy('i.name_da')
    .orderBy('o.place_name')
    .execute();
  return toOfferings(db, rows);
}

export async function findOffering(db: Db, offeringId: string): Promise<OfferingRecord | undefined> {
  const rows = await offeringQuery(db).where('o.id', '=', offeringId).execute();
  return (await toOfferings(db, rows))[0];
}

export type TeamRecord = {
  id: string;
  offeringId: string;
  name: string;
  mode: TeamMode;
  capacity: number;
  sessionQuota: number;
  startsOn: string;
  endsOn: string | null;
  room: string | null;
  hostMunicipalityCode: string;
  /** Until how many hours before a session's start a citizen may cancel it themselves. */
  citizenCancelCutoffHours: number;
};

function teamQuery(db: Db) {
  return db
    .selectFrom('team as t')
    .innerJoin('offering as o', 'o.id', 't.offering_id')
    .select(['t.id', 't.offering_id', 't.name', 't.mode', 't.capacity', 't.session_quota', 't.starts_on', 't.ends_on', 't.room', 't.citizen_cancel_cutoff_hours', 'o.host_municipality_code']);
}

type TeamRow = { id: string; offering_id: string; name: string; mode: TeamMode; capacity: number; session_quota: number; starts_on: string; ends_on: string | null; room: string | null; citizen_cancel_cutoff_hours: number; host_municipality_code: string };

const toTeam = (r: TeamRow): TeamRecord => ({
  id: r.id,
  offeringId: r.offering_id,
  name: r.name,
  mode: r.mode,
  capacity: r.capacity,
  sessionQuota: r.session_quota,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  room: r.room,
  hostMunicipalityCode: r.host_municipality_code,
  citizenCancelCutoffHours: r.citizen_cancel_cutoff_hours,
});

export async function findTeam(db: Db, teamId: string): Promise<TeamRecord | undefined> {
  const r = await teamQuery(db).where('t.id', '=', teamId).executeTakeFirst();
  return r && toTeam(r);
}

export async function listTeamsHostedBy(db: Db, hostMunicipalityCode: string): Promise<TeamRecord[]> {
  const rows = await teamQuery(db).where('o.host_municipality_code', '=', hostMunicipalityCode).orderBy('t.name').execute();
  return rows.map(toTeam);
}

/**
 * Locks the team row for the rest of the transaction. Enrolments into one team queue here, so
 * the seat count read after it is the truth and capacity is never exceeded.
 */
export async function lockTeam(db: Db, teamId: string): Promise<{ capacity: number } | undefined> {
  return db.selectFrom('team').select('capacity').where('id', '=', teamId).forUpdate().executeTakeFirst();
}

export type TeamCounts = { enrolled: number; waiting: number; sessions: number; nextSessionAt: Date | null };

export async function teamCounts(db: Db, teamIds: string[], now: Date): Promise<Map<string, TeamCounts>> {
  const result = new Map<string, TeamCounts>(teamIds.map((id) => [id, { enrolled: 0, waiting: 0, sessions: 0, nextSessionAt: null }]));
  if (teamIds.length === 0) return result;
  const enrolments = await db
    .selectFrom('enrolment')
    .select(['team_id', 'status', sql<number>`count(*)::int`.as('n')])
    .where('team_id', 'in', teamIds)
    .groupBy(['team_id', 'status'])
    .execute();
  for (const e of enrolments) {
    const c = result.get(e.team_id);
    if (c && e.status === 'enrolled') c.enrolled = e.n;
    if (c && e.status === 'waiting') c.waiting = e.n;
  }
  const sessions = await db
    .selectFrom('team_session')
    .select(['team_id', sql<number>`count(*)::int`.as('n'), sql<Date | null>`min(starts_at) filter (where starts_at >= ${now} and not cancelled)`.as('next')])
    .where('team_id', 'in', teamIds)
    .groupBy('team_id')
    .execute();
  for (const s of sessions) {
    const c = result.get(s.team_id);
    if (c) {
      c.sessions = s.n;
      c.nextSessionAt = s.next === null ? null : new Date(s.next);
    }
  }
  return result;
}

export async function insertTeam(
  db: Db,
  t: { offeringId: string; name: string; mode: TeamMode; capacity: number; sessionQuota: number; startsOn: string; endsOn: string | null; room: string | null },
): Promise<string> {
  const r = await db
    .insertInto('team')
    .values({ offering_id: t.offeringId, name: t.name, mode: t.mode, capacity: t.capacity, session_quota: t.sessionQuota, starts_on: t.startsOn, ends_on: t.endsOn, room: t.room })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertSchedule(db: Db, teamId: string, slots: readonly Slot[]): Promise<void> {
  await db
    .insertInto('team_schedule')
    .values(slots.map((s) => ({ team_id: teamId, weekday: s.weekday, start_time: s.startTime, duration_minutes: s.durationMinutes, room: s.room })))
    .execute();
}

export async function listSchedules(db: Db, teamIds: string[]): Promise<Map<string, Slot[]>> {
  const result = new Map<string, Slot[]>();
  if (teamIds.length === 0) return result;
  const rows = await db
    .selectFrom('team_schedule')
    .select(['team_id', 'weekday', sql<string>`to_char(start_time, 'HH24:MI')`.as('start_time'), 'duration_minutes', 'room'])
    .where('team_id', 'in', teamIds)
    .orderBy('weekday')
    .orderBy('start_time')
    .execute();
  for (const r of rows) result.set(r.team_id, [...(result.get(r.team_id) ?? []), { weekday: r.weekday, startTime: r.start_time, durationMinutes: r.duration_minutes, room: r.room }]);
  return result;
}

/** Inserts sessions; one that already exists at the same instant is left as it is. Returns how many were new. */
export async function insertSessions(db: Db, teamId: string, sessions: { startsAt: Date; durationMinutes: number; room: string | null; kind: SessionKind }[]): Promise<number> {
  if (sessions.length === 0) return 0;
  const rows = await db
    .insertInto('team_session')
    .values(sessions.map((s) => ({ team_id: teamId, starts_at: s.startsAt, duration_minutes: s.durationMinutes, room: s.room, kind: s.kind })))
    .onConflict((oc) => oc.columns(['team_id', 'starts_at']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

export type SessionRecord = {
  id: string;
  teamId: string;
  startsAt: Date;
  durationMinutes: number;
  room: string | null;
  kind: SessionKind;
  cancelled: boolean;
  cancelReason: string | null;
  recorded: number;
  /** Marks of a held session: attended or no-show (an advance cancellation is not one). */
  heldMarks: number;
};

function sessionQuery(db: Db) {
  return db
    .selectFrom('team_session as s')
    .select(['s.id', 's.team_id', 's.starts_at', 's.duration_minutes', 's.room', 's.kind', 's.cancelled', 's.cancel_reason'])
    .select((eb) => eb.selectFrom('attendance as a').whereRef('a.team_session_id', '=', 's.id').select(sql<number>`count(*)::int`.as('n')).as('recorded'))
    .select((eb) =>
      eb.selectFrom('attendance as a').whereRef('a.team_session_id', '=', 's.id').where('a.status', 'in', ['attended', 'no_show']).select(sql<number>`count(*)::int`.as('n')).as('held_marks'),
    );
}

type SessionRow = {
  id: string;
  team_id: string;
  starts_at: Date | string;
  duration_minutes: number;
  room: string | null;
  kind: SessionKind;
  cancelled: boolean;
  cancel_reason: string | null;
  recorded: number | null;
  held_marks: number | null;
};

const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id,
  teamId: r.team_id,
  startsAt: new Date(r.starts_at),
  durationMinutes: r.duration_minutes,
  room: r.room,
  kind: r.kind,
  cancelled: r.cancelled,
  cancelReason: r.cancel_reason,
  recorded: r.recorded ?? 0,
  heldMarks: r.held_marks ?? 0,
});

export async function listSessions(db: Db, teamId: string): Promise<SessionRecord[]> {
  const rows = await sessionQuery(db).where('s.team_id', '=', teamId).orderBy('s.starts_at').execute();
  return rows.map(toSession);
}

/**
 * The sessions of a team that can concern one enrolment: those within its dates (a day's margin
 * either side, for the Danish day of a UTC instant — the caller decides exactly) or marked for it.
 * By the team's (team_id, starts_at) key, not the team's whole history.
 */
export async function listSessionsNear(db: Db, teamId: string, e: { enrolmentId: string; startOn: string | null; endedOn: string | null }): Promise<SessionRecord[]> {
  const rows = await sessionQuery(db)
    .where('s.team_id', '=', teamId)
    .where((eb) => {
      const marked = eb('s.id', 'in', eb.selectFrom('attendance as m').select('m.team_session_id').where('m.enrolment_id', '=', e.enrolmentId));
      if (e.startOn === null) return marked;
      const from = sql<Date>`${e.startOn}::date - 1`;
      const inDates = e.endedOn === null ? eb('s.starts_at', '>=', from) : eb.and([eb('s.starts_at', '>=', from), eb('s.starts_at', '<', sql<Date>`${e.endedOn}::date + 2`)]);
      return eb.or([inDates, marked]);
    })
    .orderBy('s.starts_at')
    .execute();
  return rows.map(toSession);
}

export async function findSession(db: Db, sessionId: string): Promise<SessionRecord | undefined> {
  const r = await sessionQuery(db).where('s.id', '=', sessionId).executeTakeFirst();
  return r && toSession(r);
}

export async function cancelSession(db: Db, sessionId: string, c: { reason: string; by: string | null; at: Date }): Promise<void> {
  await db.updateTable('team_session').set({ cancelled: true, cancel_reason: c.reason, cancelled_by: c.by, cancelled_at: c.at }).where('id', '=', sessionId).execute();
}

export async function reinstateSession(db: Db, sessionId: string): Promise<void> {
  await db.updateTable('team_session').set({ cancelled: false, cancel_reason: null, cancelled_by: null, cancelled_at: null }).where('id', '=', sessionId).execute();
}

export async function updateCapacity(db: Db, teamId: string, capacity: number): Promise<void> {
  await db.updateTable('team').set({ capacity }).where('id', '=', teamId).execute();
}

export async function updateCitizenCancelCutoff(db: Db, teamId: string, hours: number): Promise<void> {
  await db.updateTable('team').set({ citizen_cancel_cutoff_hours: hours }).where('id', '=', teamId).execute();
}

export async function findMunicipalityName(db: Db, code: string): Promise<string | undefined> {
  const r = await db.selectFrom('municipality').select('name').where('code', '=', code).executeTakeFirst();
  return r?.name;
}
