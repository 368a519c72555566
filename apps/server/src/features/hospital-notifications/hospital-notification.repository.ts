import type { Selectable } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { DB } from '../../platform/database/schema.ts';
import type { HospitalNotificationActivity } from '../medcom/medcom-terminology.ts';
import type { StayState } from './hospital-stay.rules.ts';

/*
 * The tables of hospital notifications — each municipality's setting and the stays acted on —
 * which this repository alone writes, and its reads of the member municipalities (`auth`), who a
 * notification is about (citizen, referral, course: owned by `citizens`, `referrals`, `courses`) and who sits on a team (enrolment,
 * cross_referral: owned by `teams`, `cross-referrals`).
 */

export type SettingRecord = { municipalityCode: string; municipalityName: string; act: boolean; changedAt: Date | null; changedByName: string | null };

/** The settings of the member municipalities (or of those given), in name order; a municipality never changed is off. */
export async function findSettings(db: Db, only?: readonly string[]): Promise<SettingRecord[]> {
  let query = db
    .selectFrom('municipality as m')
    .leftJoin('hospital_notification_setting as s', 's.municipality_code', 'm.code')
    .leftJoin('staff_user as u', 'u.id', 's.changed_by')
    .select(['m.code', 'm.name', 's.act', 's.changed_at', 'u.display_name'])
    .where('m.is_member', '=', true)
    .orderBy('m.name');
  if (only) query = query.where('m.code', '=', (eb) => eb.fn.any(eb.val([...only])));
  const rows = await query.execute();
  return rows.map((r) => ({ municipalityCode: r.code, municipalityName: r.name, act: r.act ?? false, changedAt: r.changed_at === null ? null : new Date(r.changed_at), changedByName: r.display_name }));
}

/** Does the municipality act on hospital notifications? */
export async function actsOnNotifications(db: Db, municipalityCode: string): Promise<boolean> {
  const row = await db.selectFrom('hospital_notification_setting').select('act').where('municipality_code', '=', municipalityCode).executeTakeFirst();
  return row?.act ?? false;
}

export async function saveSetting(db: Db, s: { municipalityCode: string; act: boolean; changedBy: string | null; at: Date }): Promise<void> {
  await db
    .insertInto('hospital_notification_setting')
    .values({ municipality_code: s.municipalityCode, act: s.act, changed_by: s.changedBy, changed_at: s.at })
    .onConflict((oc) => oc.column('municipality_code').doUpdateSet({ act: s.act, changed_by: s.changedBy, changed_at: s.at }))
    .execute();
}

/** Every stay kept for the municipality removed (acting switched off); the citizens they were about. */
export async function deleteStaysOf(db: Db, municipalityCode: string): Promise<{ id: string; citizenId: string }[]> {
  const rows = await db.deleteFrom('hospital_stay').where('municipality_code', '=', municipalityCode).returning(['id', 'citizen_id']).execute();
  return rows.map((r) => ({ id: r.id, citizenId: r.citizen_id }));
}

/** The municipality's citizen with this CPR, when a course of a referral the municipality received for him is open. */
export async function findCitizenWithOpenCourse(db: Db, municipalityCode: string, cpr: string): Promise<{ citizenId: string } | undefined> {
  const row = await db
    .selectFrom('citizen as c')
    .innerJoin('referral as r', 'r.citizen_id', 'c.id')
    .innerJoin('course as k', 'k.referral_id', 'r.id')
    .select('c.id')
    .where('c.cpr', '=', cpr)
    .where('c.home_municipality_code', '=', municipalityCode)
    .where('r.home_municipality_code', '=', municipalityCode)
    .where('k.closed_on', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row && { citizenId: row.id };
}

type Row = Selectable<DB['hospital_stay']>;

const toState = (r: Row): StayState => ({
  encounterClass: r.encounter_class,
  status: r.status,
  activity: r.activity as HospitalNotificationActivity,
  admittedAt: new Date(r.admitted_at),
  endedAt: r.ended_at === null ? null : new Date(r.ended_at),
  leaveStartedAt: r.leave_started_at === null ? null : new Date(r.leave_started_at),
  leaveEndedAt: r.leave_ended_at === null ? null : new Date(r.leave_ended_at),
  deceased: r.deceased,
  departmentName: r.department_name,
  departmentSor: r.department_sor,
  senderId: r.sender_id,
  letterId: r.letter_id,
  notifiedAt: new Date(r.notified_at),
});

const columnsOf = (s: StayState) => ({
  encounter_class: s.encounterClass,
  status: s.status,
  activity: s.activity,
  admitted_at: s.admittedAt,
  ended_at: s.endedAt,
  leave_started_at: s.leaveStartedAt,
  leave_ended_at: s.leaveEndedAt,
  deceased: s.deceased,
  department_name: s.departmentName,
  department_sor: s.departmentSor,
  sender_id: s.senderId,
  letter_id: s.letterId,
  notified_at: s.notifiedAt,
});

export type StayRecord = { id: string; citizenId: string; state: StayState };

/** The stay kept for an episode of care, locked until the transaction ends (two notifications of one stay apply one after the other). */
export async function lockStay(db: Db, municipalityCode: string, episode: { system: string; value: string }): Promise<StayRecord | undefined> {
  const row = await db
    .selectFrom('hospital_stay')
    .selectAll()
    .where('municipality_code', '=', municipalityCode)
    .where('episode_system', '=', episode.system)
    .where('episode_id', '=', episode.value)
    .forUpdate()
    .executeTakeFirst();
  return row && { id: row.id, citizenId: row.citizen_id, state: toState(row) };
}

export async function insertStay(db: Db, s: { municipalityCode: string; citizenId: string; episode: { system: string; value: string }; state: StayState; now: Date }): Promise<string> {
  const row = await db
    .insertInto('hospital_stay')
    .values({ municipality_code: s.municipalityCode, citizen_id: s.citizenId, episode_system: s.episode.system, episode_id: s.episode.value, ...columnsOf(s.state), created_at: s.now, updated_at: s.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateStay(db: Db, id: string, state: StayState, now: Date): Promise<void> {
  await db.updateTable('hospital_stay').set({ ...columnsOf(state), updated_at: now }).where('id', '=', id).execute();
}

/** A citizen's stays kept by the municipality, while it acts on notifications. */
export async function staysOfCitizen(db: Db, municipalityCode: string, citizenId: string): Promise<StayRecord[]> {
  const rows = await db
    .selectFrom('hospital_stay as s')
    .innerJoin('hospital_notification_setting as t', 't.municipality_code', 's.municipality_code')
    .selectAll('s')
    .where('s.municipality_code', '=', municipalityCode)
    .where('s.citizen_id', '=', citizenId)
    .where('t.act', '=', true)
    .execute();
  return rows.map((r) => ({ id: r.id, citizenId: r.citizen_id, state: toState(r) }));
}

export type TeamParticipantStay = { enrolmentId: string; citizenId: string; state: StayState };

/**
 * The stays of a team's participants (waiting or enrolled) whose cross-municipal referral was sent
 * to the provider (shared with the citizen's consent), kept by their home municipality while it
 * acts on notifications, at hospital now (isCurrent: in progress or on leave, not dead). One statement.
 */
export async function staysOfTeamParticipants(db: Db, teamId: string): Promise<TeamParticipantStay[]> {
  const rows = await db
    .selectFrom('enrolment as e')
    .innerJoin('cross_referral as x', 'x.id', 'e.cross_referral_id')
    .innerJoin('course as k', 'k.id', 'x.course_id')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('hospital_stay as s', (join) => join.onRef('s.citizen_id', '=', 'r.citizen_id').onRef('s.municipality_code', '=', 'r.home_municipality_code'))
    .innerJoin('hospital_notification_setting as t', 't.municipality_code', 's.municipality_code')
    .selectAll('s')
    .select('e.id as enrolment_id')
    .where('e.team_id', '=', teamId)
    .where('e.status', 'in', ['waiting', 'enrolled'])
    .where('x.sent_at', 'is not', null)
    .where('t.act', '=', true)
    .where('s.status', 'in', ['in-progress', 'onleave'])
    .where('s.deceased', '=', false)
    .execute();
  return rows.map((r) => ({ enrolmentId: r.enrolment_id, citizenId: r.citizen_id, state: toState(r) }));
}
