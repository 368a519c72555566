import type { Db } from '../../platform/database/database.ts';

export type PreparationFormRecord = {
  id: string;
  courseId: string;
  citizenId: string;
  sentAt: string;
  sentBy: string | null;
  reminderCount: number;
  lastRemindedAt: string | null;
  openedAt: string | null;
  savedAt: string | null;
  answeredAt: string | null;
  scaleScore: number | null;
  problems: string[];
  whatMattersMost: string | null;
};

/** The citizen's view adds where the course is and whether it is still open. */
export type CitizenPreparationFormRecord = PreparationFormRecord & { homeMunicipality: string; courseClosed: boolean };

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

const columns = [
  'f.id',
  'f.course_id',
  'f.citizen_id',
  'f.sent_at',
  's.display_name as sent_by_name',
  'f.reminder_count',
  'f.last_reminded_at',
  'f.opened_at',
  'f.saved_at',
  'f.answered_at',
  'f.scale_score',
  'f.problem_codes',
  'f.what_matters_most',
] as const;

type Row = {
  id: string;
  course_id: string;
  citizen_id: string;
  sent_at: Date | string;
  sent_by_name: string | null;
  reminder_count: number;
  last_reminded_at: Date | string | null;
  opened_at: Date | string | null;
  saved_at: Date | string | null;
  answered_at: Date | string | null;
  scale_score: number | null;
  problem_codes: string[];
  what_matters_most: string | null;
};

function toRecord(r: Row): PreparationFormRecord {
  return {
    id: r.id,
    courseId: r.course_id,
    citizenId: r.citizen_id,
    sentAt: new Date(r.sent_at).toISOString(),
    sentBy: r.sent_by_name,
    reminderCount: r.reminder_count,
    lastRemindedAt: iso(r.last_reminded_at),
    openedAt: iso(r.opened_at),
    savedAt: iso(r.saved_at),
    answeredAt: iso(r.answered_at),
    scaleScore: r.scale_score,
    problems: r.problem_codes,
    whatMattersMost: r.what_matters_most,
  };
}

/** The course's form (one at most). */
export async function findFormOfCourse(db: Db, courseId: string): Promise<PreparationFormRecord | undefined> {
  const r = await db.selectFrom('preparation_form as f').leftJoin('staff_user as s', 's.id', 'f.sent_by').select(columns).where('f.course_id', '=', courseId).executeTakeFirst();
  return r && toRecord(r);
}

export async function insertForm(db: Db, f: { courseId: string; citizenId: string; sentAt: Date; sentBy: string }): Promise<string> {
  const r = await db.insertInto('preparation_form').values({ course_id: f.courseId, citizen_id: f.citizenId, sent_at: f.sentAt, sent_by: f.sentBy }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function recordReminder(db: Db, formId: string, at: Date, by: string): Promise<void> {
  await db
    .updateTable('preparation_form')
    .set((eb) => ({ reminder_count: eb('reminder_count', '+', 1), last_reminded_at: at, last_reminded_by: by }))
    .where('id', '=', formId)
    .execute();
}

function citizenForms(db: Db, citizenId: string) {
  return db
    .selectFrom('preparation_form as f')
    .innerJoin('course as k', 'k.id', 'f.course_id')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('municipality as m', 'm.code', 'r.home_municipality_code')
    .leftJoin('staff_user as s', 's.id', 'f.sent_by')
    .select(columns)
    .select(['m.name as municipality_name', 'k.closed_on'])
    .where('f.citizen_id', '=', citizenId);
}

/** The citizen's forms of open courses, newest first: only theirs (the citizen is the session's). */
export async function listFormsOfCitizen(db: Db, citizenId: string): Promise<CitizenPreparationFormRecord[]> {
  const rows = await citizenForms(db, citizenId).where('k.closed_on', 'is', null).orderBy('f.sent_at', 'desc').execute();
  return rows.map((r) => ({ ...toRecord(r), homeMunicipality: r.municipality_name, courseClosed: r.closed_on !== null }));
}

/** One form of this citizen, locked for the caller's write when `forUpdate`; undefined when it is not theirs. */
export async function findFormOfCitizen(db: Db, citizenId: string, formId: string, o: { forUpdate: boolean }): Promise<CitizenPreparationFormRecord | undefined> {
  let q = citizenForms(db, citizenId).where('f.id', '=', formId);
  if (o.forUpdate) q = q.forUpdate('f');
  const r = await q.executeTakeFirst();
  return r && { ...toRecord(r), homeMunicipality: r.municipality_name, courseClosed: r.closed_on !== null };
}

/** The first opening only: a later one changes nothing. */
export async function markOpened(db: Db, formId: string, at: Date): Promise<void> {
  await db.updateTable('preparation_form').set({ opened_at: at }).where('id', '=', formId).where('opened_at', 'is', null).execute();
}

export async function saveAnswers(db: Db, formId: string, a: { scaleScore: number | null; problems: string[]; whatMattersMost: string | null; at: Date; final: boolean }): Promise<void> {
  await db
    .updateTable('preparation_form')
    .set({ scale_score: a.scaleScore, problem_codes: a.problems, what_matters_most: a.whatMattersMost, saved_at: a.at, ...(a.final ? { answered_at: a.at } : {}) })
    .set((eb) => ({ opened_at: eb.fn.coalesce('opened_at', eb.val(a.at)) }))
    .where('id', '=', formId)
    .where('answered_at', 'is', null)
    .execute();
}
