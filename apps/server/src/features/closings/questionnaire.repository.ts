import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';

/**
 * The questionnaires sent to a citizen (issue 13.5), as the citizen reaches them: always through
 * the citizen's own referrals (`referral.citizen_id`, indexed), so another citizen's questionnaire
 * is never found.
 */

export type CitizenQuestionnaireRecord = {
  id: string;
  courseId: string;
  municipalityName: string;
  requestedAt: string;
  dueOn: string;
  answeredAt: string | null;
  satisfaction: number | null;
  benefit: number | null;
};

type Row = {
  id: string;
  course_id: string;
  municipality_name: string;
  citizen_requested_at: Date | string;
  citizen_due_on: string;
  citizen_answered_at: Date | string | null;
  satisfaction: number | null;
  benefit: number | null;
};

const toRecord = (r: Row): CitizenQuestionnaireRecord => ({
  id: r.id,
  courseId: r.course_id,
  municipalityName: r.municipality_name,
  requestedAt: new Date(r.citizen_requested_at).toISOString(),
  dueOn: r.citizen_due_on,
  answeredAt: r.citizen_answered_at === null ? null : new Date(r.citizen_answered_at).toISOString(),
  satisfaction: r.satisfaction,
  benefit: r.benefit,
});

const selectOf = (citizenId: string) => sql`
  select cc.id, cc.course_id, m.name as municipality_name, cc.citizen_requested_at, cc.citizen_due_on::text as citizen_due_on,
    cc.citizen_answered_at, cc.satisfaction, cc.benefit
    from referral r
    join course k on k.referral_id = r.id
    join closing_conversation cc on cc.course_id = k.id and cc.answer_source = 'citizen'
    join municipality m on m.code = r.home_municipality_code
   where r.citizen_id = ${citizenId}`;

/** The citizen's questionnaires, newest request first. */
export async function listCitizenQuestionnaires(db: Db, citizenId: string): Promise<CitizenQuestionnaireRecord[]> {
  const r = await sql<Row>`${selectOf(citizenId)} order by cc.citizen_requested_at desc, cc.id`.execute(db);
  return r.rows.map(toRecord);
}

/** One questionnaire of the citizen's, locked for the answer; undefined when it is not theirs (or none). */
export async function lockCitizenQuestionnaire(db: Db, citizenId: string, id: string): Promise<CitizenQuestionnaireRecord | undefined> {
  const r = await sql<Row>`${selectOf(citizenId)} and cc.id = ${id} for update of cc`.execute(db);
  const row = r.rows[0];
  return row && toRecord(row);
}

/** Stores the citizen's answer once: false when it was answered already. */
export async function recordCitizenAnswer(db: Db, id: string, a: { satisfaction: number | null; benefit: number | null; declined: boolean; at: Date }): Promise<boolean> {
  const r = await db
    .updateTable('closing_conversation')
    .set({ satisfaction: a.satisfaction, benefit: a.benefit, questionnaire_declined: a.declined, citizen_answered_at: a.at })
    .where('id', '=', id)
    .where('answer_source', '=', 'citizen')
    .where('citizen_answered_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
