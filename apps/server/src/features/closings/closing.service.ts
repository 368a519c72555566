import type { z } from 'zod';
import type { ClosingConversation, closingConversationSave, ClosingNote, ClosingNoteDraft, closingNoteSend, ClosingOverview } from '@samkraft/contracts/closings';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { renderPdf } from '../../platform/pdf/render-pdf.ts';
import { formatCpr } from '@samkraft/contracts/cpr';
import { closeCourse } from '../courses/course-lifecycle.service.ts';
import type { CourseKey } from '../courses/course.types.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { findCurrentPlanIn, recordGoalStatusesIn } from '../plans/plan-goal-status.service.ts';
import { phoneToCall } from '../courses/course-contact-details.rules.ts';
import { courseContactDetails } from '../courses/course-contact-details.service.ts';
import { closingNoteLetter } from './closing-note-letter.ts';
import { closingNoteChannelOf, closingNoteMessagesOf, departmentIsElectronic, queueClosingNoteIn } from './closing-note-message.ts';
import { composeClosingNote } from './closing-note.rules.ts';
import {
  findClosingCourse,
  findConversation,
  findNote,
  findNoteMessageIds,
  findOrganisationKind,
  listEndAssessments,
  listInterventions,
  listStatusNotes,
  lockCourse,
  markNoteSent,
  saveNoteBody,
  upsertConversation,
  type ClosingCourseRecord,
  type ConversationRecord,
  type EndAssessmentRecord,
  type NoteRecord,
} from './closing.repository.ts';
import { checkConversation, checkSend, questionnaireOf } from './closing.rules.ts';
import { citizenQuestionnaireStateOf, planQuestionnaire } from './questionnaire.rules.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { addWorkingDays } from '../calendar/calendar.rules.ts';
import { CITIZEN_QUESTIONNAIRE_WORKING_DAYS } from '@samkraft/contracts/closing-questionnaire';

type ConversationInput = z.output<typeof closingConversationSave>;
type SendInput = z.output<typeof closingNoteSend>;

const actorId = (ctx: ServiceContext) => (ctx.actor.kind === 'staff' ? ctx.actor.userId : null);
const orNull = (v: string | null) => (v?.trim() ? v.trim() : null);

function alreadySent(): AppError {
  return new AppError('conflict', 'The closing note has been sent and can no longer be changed', [{ field: 'note', code: 'already_sent', message: 'the closing note has been sent' }]);
}

/**
 * Runs a write in one transaction. A refusal on the way (bad input, a sent note) rolls the work
 * back and is then audited on its own, so every attempt on a citizen's closing leaves a trace.
 */
async function auditedWrite<T>(ctx: ServiceContext, key: CourseKey, action: string, work: (trx: Db) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction().execute(work);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'validation' || error.code === 'conflict')) {
      await audit(ctx.db, ctx, [
        { action, citizenId: key.citizenId, entityType: 'course', entityId: key.courseId, outcome: 'denied', detail: { reason: error.code, fields: error.fields.map((f) => `${f.field}:${f.code}`) } },
      ]);
    }
    throw error;
  }
}

async function requireCourse(db: Db, courseId: string): Promise<ClosingCourseRecord> {
  const course = await findClosingCourse(db, courseId);
  if (!course) throw AppError.notFound('Course');
  return course;
}

function toConversation(r: ConversationRecord, ends: EndAssessmentRecord[], today: string): ClosingConversation {
  const q = r.citizenRequest;
  return {
    id: r.id,
    heldOn: r.heldOn,
    evaluation: r.evaluation,
    planOnward: r.planOnward,
    citizenExperience: r.citizenExperience,
    questionnaire: questionnaireOf({ ...r, citizenAnsweredAt: q?.answeredAt ?? null }),
    satisfaction: r.satisfaction,
    benefit: r.benefit,
    answerSource: r.answerSource,
    citizenQuestionnaire: q && { state: citizenQuestionnaireStateOf(q, today), requestedAt: q.requestedAt, requestedBy: q.requestedBy, dueOn: q.dueOn, answeredAt: q.answeredAt },
    endAssessment: ends.find((e) => e.id === r.endAssessmentId) ?? null,
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt,
  };
}

async function readOverview(db: Db, key: CourseKey, today: string): Promise<ClosingOverview> {
  const course = await requireCourse(db, key.courseId);
  const ends = await listEndAssessments(db, key.courseId);
  const conversation = await findConversation(db, key.courseId);
  const note: ClosingNote | null = (await findNote(db, key.courseId)) ?? null;
  const messages = note?.sentOn ? await closingNoteMessagesOf(db, key.courseId, await findNoteMessageIds(db, key.courseId)) : { gp: null, hospital: null };
  return {
    courseId: key.courseId,
    citizenId: key.citizenId,
    receivedOn: course.receivedOn,
    closedOn: course.closedOn,
    closeReason: course.closeReason,
    gp: course.gp,
    endAssessments: ends,
    conversation: conversation ? toConversation(conversation, ends, today) : null,
    note,
    channel: await closingNoteChannelOf(db, course),
    message: messages.gp,
    hospitalMessage: messages.hospital,
  };
}

export async function getClosing(ctx: ServiceContext, courseId: string): Promise<ClosingOverview> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'closing.read');
  return ctx.db.transaction().execute(async (trx) => {
    const overview = await readOverview(trx, key, danishDate(ctx.clock.now()));
    await audit(trx, ctx, [{ action: 'closing.read', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed' }]);
    return overview;
  });
}

/** Records the closing conversation, or corrects it while the closing note is not sent. */
export async function saveClosingConversation(ctx: ServiceContext, courseId: string, input: ConversationInput): Promise<ClosingOverview> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'closing.conversation');
  return auditedWrite(ctx, key, 'closing.conversation', async (trx) => {
    await lockCourse(trx, courseId);
    const course = await requireCourse(trx, courseId);
    if ((await findNote(trx, courseId))?.sentOn) throw alreadySent();
    const ends = await listEndAssessments(trx, courseId);
    const today = danishDate(ctx.clock.now());
    const existing = await findConversation(trx, courseId);
    const plan = planQuestionnaire(existing?.citizenRequest ?? null, input.questionnaire, today);
    if (plan.kind === 'refuse') throw new AppError('conflict', 'The citizen has answered the questionnaire; staff cannot change the answers', [plan.issue]);
    const issues = checkConversation({
      heldOn: input.heldOn,
      today,
      receivedOn: course.receivedOn,
      questionnaire: input.questionnaire,
      satisfaction: input.satisfaction,
      benefit: input.benefit,
      endAssessmentId: input.endAssessmentId,
      endAssessmentIds: new Set(ends.map((e) => e.id)),
    });
    if (issues.length > 0) throw AppError.validation(issues);
    const id = await upsertConversation(trx, courseId, {
      heldOn: input.heldOn,
      evaluation: input.evaluation,
      planOnward: orNull(input.planOnward),
      citizenExperience: orNull(input.citizenExperience),
      questionnaire:
        plan.kind === 'keep'
          ? 'keep'
          : plan.kind === 'request'
            ? {
                questionnaireDeclined: false,
                satisfaction: null,
                benefit: null,
                answerSource: 'citizen',
                citizenRequest: {
                  requestedAt: ctx.clock.now(),
                  requestedBy: actorId(ctx),
                  dueOn: addWorkingDays(await loadCalendar(trx, course.homeMunicipalityCode), today, CITIZEN_QUESTIONNAIRE_WORKING_DAYS),
                },
              }
            : { questionnaireDeclined: input.questionnaire === 'declined', satisfaction: input.satisfaction, benefit: input.benefit, answerSource: 'staff', citizenRequest: null },
      endAssessmentId: input.endAssessmentId,
      recordedBy: actorId(ctx),
      at: ctx.clock.now(),
    });
    await recordGoalStatusesIn(trx, ctx, key, { occasion: 'closing', closingConversationId: id, recordedOn: input.heldOn, goals: input.goals ?? [], at: 'goals' });
    await audit(trx, ctx, [
      {
        action: 'closing.conversation',
        citizenId: key.citizenId,
        entityType: 'closing_conversation',
        entityId: id,
        outcome: 'allowed',
        detail: { courseId, heldOn: input.heldOn, questionnaire: input.questionnaire, answerSource: plan.kind === 'staff' ? 'staff' : 'citizen', questionnaireChange: plan.kind },
      },
    ]);
    return readOverview(trx, key, danishDate(ctx.clock.now()));
  });
}

/** The Danish draft composed from the course's records; nothing is saved, the read is audited. */
export async function draftClosingNote(ctx: ServiceContext, courseId: string): Promise<ClosingNoteDraft> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'closing.note_draft');
  return ctx.db.transaction().execute(async (trx) => {
    const course = await requireCourse(trx, courseId);
    const conversation = await findConversation(trx, courseId);
    const ends = await listEndAssessments(trx, courseId);
    const endAssessment = conversation?.endAssessmentId ? (ends.find((e) => e.id === conversation.endAssessmentId) ?? null) : null;
    const plan = await findCurrentPlanIn(trx, courseId);
    const body = composeClosingNote({
      citizenName: course.citizenName,
      municipalityName: course.municipalityName,
      contactPersonName: course.contactPersonName,
      gp: course.gp,
      receivedOn: course.receivedOn,
      diagnosis: course.diagnosisCode ? { code: course.diagnosisCode, title: course.diagnosisTitle } : null,
      plan: plan ?? null,
      interventions: await listInterventions(trx, courseId),
      statusNotes: await listStatusNotes(trx, courseId),
      conversation: conversation ?? null,
      endAssessment,
    });
    await audit(trx, ctx, [{ action: 'closing.note_draft', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed' }]);
    return { body };
  });
}

/** Saves the (edited) text of the closing note; refused once the note is sent. */
export async function saveClosingNote(ctx: ServiceContext, courseId: string, body: string): Promise<ClosingOverview> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'closing.note_save');
  return auditedWrite(ctx, key, 'closing.note_save', async (trx) => {
    await lockCourse(trx, courseId);
    const saved = await saveNoteBody(trx, courseId, { body, editedBy: actorId(ctx), at: ctx.clock.now() });
    if (!saved) throw alreadySent();
    await audit(trx, ctx, [{ action: 'closing.note_save', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed', detail: { length: body.length } }]);
    return readOverview(trx, key, danishDate(ctx.clock.now()));
  });
}

/**
 * Marks the saved note sent to the citizen's GP and/or a hospital department (with the
 * citizen's consent). Sending completes the course: an open course is closed on the sending date
 * with reason `completed`; a course closed earlier (e.g. declined) keeps its date and reason.
 */
export async function sendClosingNote(ctx: ServiceContext, courseId: string, input: SendInput): Promise<ClosingOverview> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'closing.note_send');
  return auditedWrite(ctx, key, 'closing.note_send', async (trx) => {
    await lockCourse(trx, courseId);
    const course = await requireCourse(trx, courseId);
    const note = await findNote(trx, courseId);
    if (!note) throw new AppError('validation', 'Save the closing note before sending it', [{ field: 'note', code: 'required', message: 'save the closing note first' }]);
    if (note.sentOn) throw alreadySent();
    const conversation = await findConversation(trx, courseId);
    const issues = checkSend({
      sentOn: input.sentOn,
      today: danishDate(ctx.clock.now()),
      openedOn: course.openedOn,
      conversationHeldOn: conversation?.heldOn ?? null,
      toGp: input.toGp,
      gpKnown: course.gp !== null,
      toHospital: input.toHospital,
      hospitalDepartmentId: input.hospitalDepartmentId,
      hospitalDepartmentKind: input.hospitalDepartmentId ? await findOrganisationKind(trx, input.hospitalDepartmentId) : undefined,
      hospitalConsent: input.hospitalConsent,
    });
    const today = danishDate(ctx.clock.now());
    const electronic = input.toGp && (await closingNoteChannelOf(trx, course)).electronic;
    const department = input.toHospital && issues.length === 0 && input.hospitalDepartmentId ? input.hospitalDepartmentId : null;
    const departmentElectronic = department !== null && (await departmentIsElectronic(trx, course, department));
    // Sent electronically is sent now: the note is not dated another day.
    if ((electronic || departmentElectronic) && issues.length === 0 && input.sentOn !== today) issues.push({ field: 'sentOn', code: 'past_date', message: 'a note sent electronically is sent today' });
    if (issues.length > 0) throw AppError.validation(issues);
    let gpMessageId: string | null = null;
    let hospitalMessageId: string | null = null;
    if (electronic || departmentElectronic) {
      const pdf = await renderPdf(await closingLetterOf(trx, course, note, input.sentOn));
      if (electronic) gpMessageId = (await queueClosingNoteIn(trx, ctx, course, { body: note.body, pdf, to: { gp: true } })) ?? null;
      if (department && departmentElectronic) hospitalMessageId = (await queueClosingNoteIn(trx, ctx, course, { body: note.body, pdf, to: { departmentId: department } })) ?? null;
    }
    const sent = await markNoteSent(trx, courseId, {
      sentOn: input.sentOn,
      toGp: input.toGp,
      gpOrganisationId: input.toGp ? (course.gp?.id ?? null) : null,
      toHospital: input.toHospital,
      hospitalDepartmentId: input.toHospital ? input.hospitalDepartmentId : null,
      hospitalConsent: input.toHospital && input.hospitalConsent,
      sentBy: actorId(ctx),
      gpMessageId,
      hospitalMessageId,
    });
    if (!sent) throw alreadySent();
    const closed = await closeCourse(trx, courseId, input.sentOn, 'completed');
    await audit(trx, ctx, [
      {
        action: 'closing.note_send',
        citizenId: key.citizenId,
        entityType: 'closing_note',
        entityId: note.id,
        outcome: 'allowed',
        detail: {
          courseId,
          sentOn: input.sentOn,
          toGp: input.toGp,
          gpElectronically: electronic,
          toHospital: input.toHospital,
          hospitalElectronically: departmentElectronic,
          hospitalDepartmentId: input.toHospital ? input.hospitalDepartmentId : null,
          courseClosed: closed,
        },
      },
    ]);
    return readOverview(trx, key, danishDate(ctx.clock.now()));
  });
}

/** The note as the Danish A4 letter (printed, and attached to the message to the GP). */
export async function closingLetterOf(db: Db, course: ClosingCourseRecord, note: NoteRecord, date: string) {
  const details = await courseContactDetails(db, course.courseId);
  return closingNoteLetter({
    municipalityName: course.municipalityName,
    citizenName: course.citizenName,
    citizenId: course.cpr ? formatCpr(course.cpr) : (course.pseudonym ?? ''),
    citizenIdIsPseudonym: course.cpr === null,
    // The clinic it was sent to; the citizen's GP until then (or when that is the same clinic).
    gp: note.sentToGp && note.gp && note.gp.id !== course.gp?.id ? { name: note.gp.name, ydernummer: null, sorCode: null, address: null } : course.gp,
    contactPersonName: course.contactPersonName,
    phone: details ? phoneToCall(details) : null,
    date,
    body: note.body,
  });
}

/** The saved closing note as a Danish A4 PDF; the print is audited as a read. */
export async function getClosingNotePdf(ctx: ServiceContext, courseId: string): Promise<{ bytes: Buffer; filename: string }> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'closing.note_pdf');
  const doc = await ctx.db.transaction().execute(async (trx) => {
    const course = await requireCourse(trx, courseId);
    const note = await findNote(trx, courseId);
    if (!note) throw AppError.notFound('Closing note');
    await audit(trx, ctx, [{ action: 'closing.note_pdf', citizenId: key.citizenId, entityType: 'closing_note', entityId: note.id, outcome: 'allowed' }]);
    return closingLetterOf(trx, course, note, note.sentOn ?? danishDate(ctx.clock.now()));
  });
  return { bytes: await renderPdf(doc), filename: 'afslutningsnotat.pdf' };
}
