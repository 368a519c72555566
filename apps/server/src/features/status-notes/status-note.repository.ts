import { sql } from 'kysely';
import type { ProviderGoalStatus, StatusNoteEndReason, StatusNoteKind } from '@samkraft/contracts/status-notes';
import type { Db } from '../../platform/database/database.ts';

export type NoteReferralRecord = {
  id: string;
  courseId: string;
  citizenId: string;
  kind: string;
  homeMunicipalityCode: string;
  providerMunicipalityCode: string;
  sentAt: Date | null;
  providerDecision: 'accepted' | 'declined' | null;
  receivedOn: string;
  startedOn: string | null;
  endedOn: string | null;
  attendancesRecorded: number | null;
};

/** The cross-referral a note is written on, with what access and the end-note checks need. */
export async function findNoteReferral(db: Db, crossReferralId: string): Promise<NoteReferralRecord | undefined> {
  const r = await db
    .selectFrom('cross_referral as x')
    .innerJoin('course as k', 'k.id', 'x.course_id')
    .innerJoin('referral as f', 'f.id', 'k.referral_id')
    .select([
      'x.id',
      'x.course_id',
      'f.citizen_id',
      'x.kind',
      'f.home_municipality_code',
      'x.provider_municipality_code',
      'x.sent_at',
      'x.provider_decision',
      'x.received_on',
      'x.started_on',
      'x.ended_on',
      'x.attendances_recorded',
    ])
    .where('x.id', '=', crossReferralId)
    .executeTakeFirst();
  return (
    r && {
      id: r.id,
      courseId: r.course_id,
      citizenId: r.citizen_id,
      kind: r.kind,
      homeMunicipalityCode: r.home_municipality_code,
      providerMunicipalityCode: r.provider_municipality_code,
      sentAt: r.sent_at,
      providerDecision: r.provider_decision,
      receivedOn: r.received_on,
      startedOn: r.started_on,
      endedOn: r.ended_on,
      attendancesRecorded: r.attendances_recorded,
    }
  );
}

export type EnrolmentFacts = { enrolments: number; attended: number; startOn: string | null; endOn: string | null; endReason: string | null };

/** Attended sessions and the enrolment span of one referral, over all its teams. */
export async function findEnrolmentFacts(db: Db, crossReferralId: string): Promise<EnrolmentFacts> {
  const e = await db
    .selectFrom('enrolment as e')
    .select((eb) => [
      eb.fn.countAll<string>().as('enrolments'),
      eb.fn.min('e.start_on').as('start_on'),
      eb.fn.max('e.ended_on').as('end_on'),
      eb.fn.count<string>('e.ended_on').as('ended'),
    ])
    .where('e.cross_referral_id', '=', crossReferralId)
    .executeTakeFirstOrThrow();
  // The reason the team gave when it ended the latest enrolment, so the end note need not ask again.
  const last = await db
    .selectFrom('enrolment')
    .select('end_reason')
    .where('cross_referral_id', '=', crossReferralId)
    .where('ended_on', 'is not', null)
    .orderBy('ended_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Sessions attended by the one definition (migration 0010).
  const a = await sql<{ n: number | null }>`select sessions_attended as n from sessions_attended(array[${crossReferralId}::uuid])`.execute(db);
  const enrolments = Number(e.enrolments);
  return {
    enrolments,
    attended: a.rows[0]?.n ?? 0,
    startOn: e.start_on,
    // While one enrolment still runs, the span has no end yet.
    endOn: enrolments > 0 && Number(e.ended) === enrolments ? e.end_on : null,
    endReason: enrolments > 0 && Number(e.ended) === enrolments ? (last?.end_reason ?? null) : null,
  };
}

export type ProviderGoalRecord = { id: string; description: string; status: ProviderGoalStatus; setOn: string };

export async function listGoals(db: Db, crossReferralId: string): Promise<ProviderGoalRecord[]> {
  const rows = await db
    .selectFrom('provider_goal')
    .select(['id', 'description', 'status', 'set_on'])
    .where('cross_referral_id', '=', crossReferralId)
    .orderBy('set_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, description: r.description, status: r.status, setOn: r.set_on }));
}

export type NoteRecord = {
  id: string;
  crossReferralId: string;
  kind: StatusNoteKind;
  writtenOn: string;
  body: string;
  courseEndOn: string | null;
  attendanceCount: number | null;
  goalsReached: string | null;
  endReason: StatusNoteEndReason | null;
  authorName: string | null;
  providerMunicipalityCode: string;
  providerMunicipalityName: string;
  interventionName: string;
  sentAt: Date;
  readAt: Date | null;
  readByName: string | null;
  courseId: string;
  homeMunicipalityCode: string;
  citizenId: string;
  givenName: string;
  familyName: string;
  cpr: string | null;
  pseudonym: string | null;
  contactPersonName: string | null;
};

function notesQuery(db: Db) {
  return db
    .selectFrom('status_note as n')
    .innerJoin('cross_referral as x', 'x.id', 'n.cross_referral_id')
    .innerJoin('course as k', 'k.id', 'x.course_id')
    .innerJoin('referral as f', 'f.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'f.citizen_id')
    .innerJoin('municipality as pm', 'pm.code', 'x.provider_municipality_code')
    .innerJoin('intervention as i', 'i.code', 'x.intervention_code')
    .leftJoin('staff_user as author', 'author.id', 'n.author_id')
    .leftJoin('staff_user as reader', 'reader.id', 'n.read_by')
    .leftJoin('course_assignment as ca', (j) => j.onRef('ca.course_id', '=', 'k.id').on('ca.ended_at', 'is', null))
    .leftJoin('staff_user as cp', 'cp.id', 'ca.staff_user_id')
    .select([
      'n.id',
      'n.cross_referral_id',
      'n.kind',
      'n.written_on',
      'n.body',
      'n.course_end_on',
      'n.attendance_count',
      'n.goals_reached',
      'n.end_reason',
      'author.display_name as author_name',
      'x.provider_municipality_code',
      'pm.name as provider_name',
      'i.name_da as intervention_name',
      'n.sent_at',
      'n.read_at',
      'reader.display_name as reader_name',
      'k.id as course_id',
      'f.home_municipality_code',
      'c.id as citizen_id',
      'c.given_name',
      'c.family_name',
      'c.cpr',
      'c.pseudonym',
      'cp.display_name as contact_person_name',
    ]);
}

type NoteRow = Awaited<ReturnType<ReturnType<typeof notesQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: NoteRow): NoteRecord {
  return {
    id: r.id,
    crossReferralId: r.cross_referral_id,
    kind: r.kind,
    writtenOn: r.written_on,
    body: r.body,
    courseEndOn: r.course_end_on,
    attendanceCount: r.attendance_count,
    goalsReached: r.goals_reached,
    endReason: r.end_reason,
    authorName: r.author_name,
    providerMunicipalityCode: r.provider_municipality_code,
    providerMunicipalityName: r.provider_name,
    interventionName: r.intervention_name,
    sentAt: r.sent_at,
    readAt: r.read_at,
    readByName: r.reader_name,
    courseId: r.course_id,
    homeMunicipalityCode: r.home_municipality_code,
    citizenId: r.citizen_id,
    givenName: r.given_name,
    familyName: r.family_name,
    cpr: r.cpr,
    pseudonym: r.pseudonym,
    contactPersonName: r.contact_person_name,
  };
}

export async function findNote(db: Db, id: string): Promise<NoteRecord | undefined> {
  const r = await notesQuery(db).where('n.id', '=', id).executeTakeFirst();
  return r && toRecord(r);
}

export async function listReferralNotes(db: Db, crossReferralId: string): Promise<NoteRecord[]> {
  const rows = await notesQuery(db).where('n.cross_referral_id', '=', crossReferralId).orderBy('n.sent_at', 'desc').orderBy('n.id').execute();
  return rows.map(toRecord);
}

export async function listCourseNotes(db: Db, courseId: string): Promise<NoteRecord[]> {
  const rows = await notesQuery(db).where('k.id', '=', courseId).orderBy('n.sent_at', 'desc').orderBy('n.id').execute();
  return rows.map(toRecord);
}

export type InboxFilter = { homeMunicipalityCode: string; unreadOnly: boolean; contactPersonId: string | null; limit: number };

/** The home municipality's notes, newest first; optionally unread only and only the courses one person is contact person for. */
export async function listInboxNotes(db: Db, f: InboxFilter): Promise<NoteRecord[]> {
  let q = notesQuery(db).where('f.home_municipality_code', '=', f.homeMunicipalityCode);
  if (f.unreadOnly) q = q.where('n.read_at', 'is', null);
  if (f.contactPersonId !== null) q = q.where('ca.staff_user_id', '=', f.contactPersonId);
  const rows = await q.orderBy('n.sent_at', 'desc').orderBy('n.id').limit(f.limit).execute();
  return rows.map(toRecord);
}

export async function countUnread(db: Db, homeMunicipalityCode: string, contactPersonId: string): Promise<{ all: number; mine: number }> {
  const r = await db
    .selectFrom('status_note as n')
    .innerJoin('cross_referral as x', 'x.id', 'n.cross_referral_id')
    .innerJoin('course as k', 'k.id', 'x.course_id')
    .innerJoin('referral as f', 'f.id', 'k.referral_id')
    .leftJoin('course_assignment as ca', (j) => j.onRef('ca.course_id', '=', 'k.id').on('ca.ended_at', 'is', null))
    .select((eb) => [
      eb.fn.countAll<string>().as('all'),
      eb.fn.count<string>('n.id').filterWhere('ca.staff_user_id', '=', contactPersonId).as('mine'),
    ])
    .where('f.home_municipality_code', '=', homeMunicipalityCode)
    .where('n.read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { all: Number(r.all), mine: Number(r.mine) };
}

export type NewNote = {
  crossReferralId: string;
  kind: StatusNoteKind;
  writtenOn: string;
  body: string;
  courseEndOn: string | null;
  attendanceCount: number | null;
  goalsReached: string | null;
  endReason: StatusNoteEndReason | null;
  authorId: string | null;
  sentAt: Date;
};

export async function insertNote(db: Db, n: NewNote): Promise<string> {
  const r = await db
    .insertInto('status_note')
    .values({
      cross_referral_id: n.crossReferralId,
      kind: n.kind,
      written_on: n.writtenOn,
      body: n.body,
      course_end_on: n.courseEndOn,
      attendance_count: n.attendanceCount,
      goals_reached: n.goalsReached,
      end_reason: n.endReason,
      author_id: n.authorId,
      sent_at: n.sentAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}


/** Marks a note read the first time only (returns false when it already was). */
export async function markRead(db: Db, id: string, readBy: string, at: Date): Promise<boolean> {
  const r = await db.updateTable('status_note').set({ read_at: at, read_by: readBy }).where('id', '=', id).where('read_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Takes the referral's row lock, so two writers of a start or end note are serialised. */
export async function lockReferral(db: Db, crossReferralId: string): Promise<void> {
  await db.selectFrom('cross_referral').select('id').where('id', '=', crossReferralId).forUpdate().execute();
}

export async function listWrittenKinds(db: Db, crossReferralId: string): Promise<StatusNoteKind[]> {
  const rows = await db.selectFrom('status_note').select('kind').distinct().where('cross_referral_id', '=', crossReferralId).execute();
  return rows.map((r) => r.kind);
}
