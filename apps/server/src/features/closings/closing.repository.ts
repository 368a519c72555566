import { sql } from 'kysely';
import type { AnswerSource } from '@samkraft/contracts/closing-questionnaire';
import type { Db } from '../../platform/database/database.ts';

/** Serialises writes to one course's closing (conversation, note, sending). */
export async function lockCourse(db: Db, courseId: string): Promise<void> {
  await db.selectFrom('course').select('id').where('id', '=', courseId).forUpdate().execute();
}

export type ClosingCourseRecord = {
  courseId: string;
  citizenId: string;
  homeMunicipalityCode: string;
  openedOn: string;
  receivedOn: string;
  closedOn: string | null;
  closeReason: string | null;
  citizenName: string;
  givenName: string;
  familyName: string;
  cpr: string | null;
  pseudonym: string | null;
  birthDate: string;
  municipalityName: string;
  diagnosisCode: string | null;
  diagnosisTitle: string | null;
  contactPersonName: string | null;
  gp: GpRecord | null;
};

export type GpRecord = { id: string; name: string; ydernummer: string | null; sorCode: string | null; address: string | null; phone: string | null };

/**
 * The course's facts for the closing: the citizen, the home municipality, the contact person,
 * and the GP clinic — the citizen's own GP, else the referring organisation when it is a GP clinic.
 */
export async function findClosingCourse(db: Db, courseId: string): Promise<ClosingCourseRecord | undefined> {
  const r = await db
    .selectFrom('course as k')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .innerJoin('municipality as m', 'm.code', 'r.home_municipality_code')
    .leftJoin('diagnosis as d', 'd.code', 'r.diagnosis_code')
    .leftJoin('organisation as cg', 'cg.id', 'c.gp_organisation_id')
    .leftJoin('organisation as ro', (j) => j.onRef('ro.id', '=', 'r.referring_organisation_id').on('ro.kind', '=', 'gp_clinic'))
    .leftJoin('course_assignment as a', (j) => j.onRef('a.course_id', '=', 'k.id').on('a.ended_at', 'is', null))
    .leftJoin('staff_user as s', 's.id', 'a.staff_user_id')
    .select([
      'k.id',
      'k.opened_on',
      'k.closed_on',
      'k.close_reason',
      'r.received_on',
      'c.id as citizen_id',
      'r.home_municipality_code',
      'c.given_name',
      'c.family_name',
      'c.cpr',
      'c.pseudonym',
      'c.birth_date',
      'm.name as municipality_name',
      'r.diagnosis_code',
      'd.title_da',
      's.display_name',
      'cg.id as citizen_gp_id',
      'cg.name as citizen_gp_name',
      'cg.ydernummer as citizen_gp_ydernummer',
      'cg.sor_code as citizen_gp_sor_code',
      'cg.address as citizen_gp_address',
      'cg.phone as citizen_gp_phone',
      'ro.id as referring_gp_id',
      'ro.name as referring_gp_name',
      'ro.ydernummer as referring_gp_ydernummer',
      'ro.sor_code as referring_gp_sor_code',
      'ro.address as referring_gp_address',
      'ro.phone as referring_gp_phone',
    ])
    .where('k.id', '=', courseId)
    .executeTakeFirst();
  if (!r) return undefined;
  const gp: GpRecord | null =
    r.citizen_gp_id && r.citizen_gp_name
      ? { id: r.citizen_gp_id, name: r.citizen_gp_name, ydernummer: r.citizen_gp_ydernummer, sorCode: r.citizen_gp_sor_code, address: r.citizen_gp_address, phone: r.citizen_gp_phone }
      : r.referring_gp_id && r.referring_gp_name
        ? { id: r.referring_gp_id, name: r.referring_gp_name, ydernummer: r.referring_gp_ydernummer, sorCode: r.referring_gp_sor_code, address: r.referring_gp_address, phone: r.referring_gp_phone }
        : null;
  return {
    courseId: r.id,
    citizenId: r.citizen_id,
    homeMunicipalityCode: r.home_municipality_code,
    openedOn: r.opened_on,
    receivedOn: r.received_on,
    closedOn: r.closed_on,
    closeReason: r.close_reason,
    citizenName: `${r.given_name} ${r.family_name}`,
    givenName: r.given_name,
    familyName: r.family_name,
    cpr: r.cpr,
    pseudonym: r.pseudonym,
    birthDate: r.birth_date,
    municipalityName: r.municipality_name,
    diagnosisCode: r.diagnosis_code,
    diagnosisTitle: r.title_da,
    contactPersonName: r.display_name,
    gp,
  };
}

export type EndAssessmentRecord = { id: string; assessedOn: string; scaleScore: number | null };

/** The course's end needs assessments (recorded by the assessments feature), newest first. */
export async function listEndAssessments(db: Db, courseId: string): Promise<EndAssessmentRecord[]> {
  const rows = await db
    .selectFrom('needs_assessment')
    .select(['id', 'assessed_on', 'scale_score'])
    .where('course_id', '=', courseId)
    .where('occasion', '=', 'end')
    .orderBy('assessed_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, assessedOn: r.assessed_on, scaleScore: r.scale_score }));
}

export type ConversationRecord = {
  id: string;
  heldOn: string;
  evaluation: string;
  planOnward: string | null;
  citizenExperience: string | null;
  questionnaireDeclined: boolean;
  satisfaction: number | null;
  benefit: number | null;
  endAssessmentId: string | null;
  recordedBy: string | null;
  recordedAt: string;
  answerSource: AnswerSource;
  /** The questionnaire sent to the citizen (issue 13.5); null when staff entered the answers. */
  citizenRequest: { requestedAt: string; requestedBy: string | null; dueOn: string; answeredAt: string | null } | null;
};

export async function findConversation(db: Db, courseId: string): Promise<ConversationRecord | undefined> {
  const r = await db
    .selectFrom('closing_conversation as cc')
    .leftJoin('staff_user as s', 's.id', 'cc.recorded_by')
    .leftJoin('staff_user as q', 'q.id', 'cc.citizen_requested_by')
    .selectAll('cc')
    .select(['s.display_name', 'q.display_name as requested_by_name'])
    .where('cc.course_id', '=', courseId)
    .executeTakeFirst();
  return (
    r && {
      id: r.id,
      heldOn: r.held_on,
      evaluation: r.evaluation,
      planOnward: r.plan_onward,
      citizenExperience: r.citizen_experience,
      questionnaireDeclined: r.questionnaire_declined,
      satisfaction: r.satisfaction,
      benefit: r.benefit,
      endAssessmentId: r.end_assessment_id,
      recordedBy: r.display_name,
      recordedAt: new Date(r.recorded_at).toISOString(),
      answerSource: r.answer_source,
      citizenRequest:
        r.citizen_requested_at !== null && r.citizen_due_on !== null
          ? {
              requestedAt: new Date(r.citizen_requested_at).toISOString(),
              requestedBy: r.requested_by_name,
              dueOn: r.citizen_due_on,
              answeredAt: r.citizen_answered_at === null ? null : new Date(r.citizen_answered_at).toISOString(),
            }
          : null,
    }
  );
}

export type QuestionnaireValues = {
  questionnaireDeclined: boolean;
  satisfaction: number | null;
  benefit: number | null;
  answerSource: AnswerSource;
  /** The request to the citizen when the citizen answers (issue 13.5), else null. */
  citizenRequest: { requestedAt: Date; requestedBy: string | null; dueOn: string } | null;
};

export type ConversationValues = {
  heldOn: string;
  evaluation: string;
  planOnward: string | null;
  citizenExperience: string | null;
  /** `keep`: the questionnaire's columns stay as stored (an open request, or the citizen's final answers). */
  questionnaire: QuestionnaireValues | 'keep';
  endAssessmentId: string | null;
  recordedBy: string | null;
  at: Date;
};

/**
 * One conversation per course: a second save updates it (the course row is locked first). Staff
 * answers or a new request replace the questionnaire's columns, a request not yet answered
 * included; `keep` leaves them — only a stored row is kept, so the insert never takes it.
 */
export async function upsertConversation(db: Db, courseId: string, v: ConversationValues): Promise<string> {
  const values = {
    held_on: v.heldOn,
    evaluation: v.evaluation,
    plan_onward: v.planOnward,
    citizen_experience: v.citizenExperience,
    end_assessment_id: v.endAssessmentId,
    recorded_by: v.recordedBy,
    recorded_at: v.at,
  };
  const q = v.questionnaire;
  const questionnaire =
    q === 'keep'
      ? {}
      : {
          questionnaire_declined: q.questionnaireDeclined,
          satisfaction: q.satisfaction,
          benefit: q.benefit,
          answer_source: q.answerSource,
          citizen_requested_at: q.citizenRequest?.requestedAt ?? null,
          citizen_requested_by: q.citizenRequest?.requestedBy ?? null,
          citizen_due_on: q.citizenRequest?.dueOn ?? null,
          citizen_answered_at: null,
        };
  const r = await db
    .insertInto('closing_conversation')
    .values({ course_id: courseId, ...values, ...questionnaire })
    .onConflict((oc) => oc.column('course_id').doUpdateSet({ ...values, ...questionnaire }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export type NoteRecord = {
  id: string;
  body: string;
  composedAt: string;
  editedAt: string | null;
  editedBy: string | null;
  sentOn: string | null;
  sentToGp: boolean;
  gp: { id: string; name: string } | null;
  sentToHospital: boolean;
  hospitalDepartment: { id: string; name: string } | null;
  hospitalConsent: boolean;
  sentBy: string | null;
};

export async function findNote(db: Db, courseId: string): Promise<NoteRecord | undefined> {
  const r = await db
    .selectFrom('closing_note as n')
    .leftJoin('staff_user as e', 'e.id', 'n.edited_by')
    .leftJoin('staff_user as s', 's.id', 'n.sent_by')
    .leftJoin('organisation as g', 'g.id', 'n.gp_organisation_id')
    .leftJoin('organisation as h', 'h.id', 'n.hospital_department_id')
    .leftJoin('organisation as hp', 'hp.id', 'h.parent_id')
    .selectAll('n')
    .select(['e.display_name as edited_by_name', 's.display_name as sent_by_name', 'g.name as gp_name', 'h.name as department_name', 'hp.name as hospital_name'])
    .where('n.course_id', '=', courseId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    body: r.body,
    composedAt: new Date(r.composed_at).toISOString(),
    editedAt: r.edited_at ? new Date(r.edited_at).toISOString() : null,
    editedBy: r.edited_by_name,
    sentOn: r.sent_on,
    sentToGp: r.sent_to_gp,
    gp: r.gp_organisation_id && r.gp_name ? { id: r.gp_organisation_id, name: r.gp_name } : null,
    sentToHospital: r.sent_to_hospital,
    hospitalDepartment:
      r.hospital_department_id && r.department_name ? { id: r.hospital_department_id, name: r.hospital_name ? `${r.hospital_name} – ${r.department_name}` : r.department_name } : null,
    hospitalConsent: r.hospital_consent,
    sentBy: r.sent_by_name,
  };
}

/** The MedCom messages that took the note to the GP and to the hospital department (ids in the messaging module's table). */
export async function findNoteMessageIds(db: Db, courseId: string): Promise<{ gpMessageId: string | null; hospitalMessageId: string | null } | undefined> {
  const r = await db.selectFrom('closing_note').select(['gp_message_id', 'hospital_message_id']).where('course_id', '=', courseId).executeTakeFirst();
  return r && { gpMessageId: r.gp_message_id, hospitalMessageId: r.hospital_message_id };
}

/** Saves the edited text of a note that is not sent yet; false when it is already sent. */
export async function saveNoteBody(db: Db, courseId: string, o: { body: string; editedBy: string | null; at: Date }): Promise<boolean> {
  const r = await db
    .insertInto('closing_note')
    .values({ course_id: courseId, body: o.body, composed_at: o.at, edited_at: o.at, edited_by: o.editedBy })
    .onConflict((oc) => oc.column('course_id').doUpdateSet({ body: o.body, edited_at: o.at, edited_by: o.editedBy }).where('closing_note.sent_on', 'is', null))
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function markNoteSent(
  db: Db,
  courseId: string,
  o: {
    sentOn: string;
    toGp: boolean;
    gpOrganisationId: string | null;
    toHospital: boolean;
    hospitalDepartmentId: string | null;
    hospitalConsent: boolean;
    sentBy: string | null;
    gpMessageId: string | null;
    hospitalMessageId: string | null;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('closing_note')
    .set({
      sent_on: o.sentOn,
      sent_to_gp: o.toGp,
      gp_organisation_id: o.gpOrganisationId,
      sent_to_hospital: o.toHospital,
      hospital_department_id: o.hospitalDepartmentId,
      hospital_consent: o.hospitalConsent,
      sent_by: o.sentBy,
      gp_message_id: o.gpMessageId,
      hospital_message_id: o.hospitalMessageId,
    })
    .where('course_id', '=', courseId)
    .where('sent_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findOrganisationKind(db: Db, id: string): Promise<string | undefined> {
  const r = await db.selectFrom('organisation').select('kind').where('id', '=', id).executeTakeFirst();
  return r?.kind;
}

export type InterventionRecord = {
  id: string;
  kind: string;
  interventionName: string;
  providerMunicipalityName: string;
  startedOn: string | null;
  endedOn: string | null;
  endReason: string | null;
  providerDecision: string | null;
  /** Sessions attended by the one definition (`sessions_attended`, migration 0010); null when unknown. */
  attended: number | null;
};

/** The course's interventions (cross_referral rows), oldest first, with attendance. */
export async function listInterventions(db: Db, courseId: string): Promise<InterventionRecord[]> {
  const rows = await db
    .selectFrom('cross_referral as x')
    .innerJoin('intervention as i', 'i.code', 'x.intervention_code')
    .innerJoin('municipality as m', 'm.code', 'x.provider_municipality_code')
    // Sessions attended by the one definition (migration 0010), for this course's interventions.
    .innerJoin(sql<{ cross_referral_id: string; sessions_attended: number | null }>`sessions_attended(array(select id from cross_referral where course_id = ${courseId}))`.as('s'), 's.cross_referral_id', 'x.id')
    .select([
      'x.id',
      'x.kind',
      'i.name_da',
      'm.name as provider_name',
      'x.started_on',
      'x.ended_on',
      'x.end_reason',
      'x.provider_decision',
      's.sessions_attended',
    ])
    .where('x.course_id', '=', courseId)
    .orderBy('x.received_on')
    .orderBy('x.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    interventionName: r.name_da,
    providerMunicipalityName: r.provider_name,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    endReason: r.end_reason,
    providerDecision: r.provider_decision,
    attended: r.sessions_attended,
  }));
}

export type StatusNoteRecord = {
  crossReferralId: string;
  kind: string;
  writtenOn: string;
  body: string;
  courseEndOn: string | null;
  attendanceCount: number | null;
  goalsReached: string | null;
};

export async function listStatusNotes(db: Db, courseId: string): Promise<StatusNoteRecord[]> {
  const rows = await db
    .selectFrom('status_note as n')
    .innerJoin('cross_referral as x', 'x.id', 'n.cross_referral_id')
    .select(['n.cross_referral_id', 'n.kind', 'n.written_on', 'n.body', 'n.course_end_on', 'n.attendance_count', 'n.goals_reached'])
    .where('x.course_id', '=', courseId)
    .orderBy('n.written_on')
    .orderBy('n.sent_at')
    .execute();
  return rows.map((r) => ({
    crossReferralId: r.cross_referral_id,
    kind: r.kind,
    writtenOn: r.written_on,
    body: r.body,
    courseEndOn: r.course_end_on,
    attendanceCount: r.attendance_count,
    goalsReached: r.goals_reached,
  }));
}
