import { z } from 'zod';
import { calendarDate, isoDate, text, uuid } from './common.ts';
import { goalStatusUpdates } from './plans.ts';
import { gpClinic } from './organisations.ts';
import { messageSummary } from './messaging.ts';
import { answerSource, citizenQuestionnaireStatus } from './closing-questionnaire.ts';

/**
 * The closing conversation and the closing note (note §8.9 steps 11–12). The conversation carries
 * the short questionnaire behind indicators 4 and 5 of note §11 Table 7: whether the citizen is
 * satisfied with the whole course, and whether it gave a positive benefit, each on a 1–5 scale.
 */

/**
 * `citizen`: the citizen answers on their own phone (issue 13.5) — no answers are given with it;
 * it reads back as `citizen` until the citizen answers, then as `answered` or `declined`.
 */
export const questionnaireStates = ['answered', 'declined', 'not_asked', 'citizen'] as const;
export const questionnaireState = z.enum(questionnaireStates);
export type QuestionnaireState = z.infer<typeof questionnaireState>;

/** 1 = very dissatisfied / no benefit at all … 5 = very satisfied / very large benefit. */
export const questionnaireAnswer = z.number().int().min(1).max(5);

const requiredText = (max: number) => text.trim().min(1, 'is required').max(max);
const optionalText = (max: number) => text.trim().max(max).nullable();

export const closingConversationSave = z.strictObject({
  heldOn: calendarDate,
  evaluation: requiredText(8000),
  planOnward: optionalText(4000),
  citizenExperience: optionalText(4000),
  /** Answers are given only when `answered`; `declined` = asked, did not want to answer. */
  questionnaire: questionnaireState,
  satisfaction: questionnaireAnswer.nullable(),
  benefit: questionnaireAnswer.nullable(),
  /** An end needs assessment of the same course (recorded on the needs assessment page). */
  endAssessmentId: uuid.nullable(),
  /** Each goal of the current action plan as judged at the closing conversation (issue 10.22). */
  goals: goalStatusUpdates.optional(),
});
export type ClosingConversationSave = z.input<typeof closingConversationSave>;

export const endAssessmentRef = z.object({ id: uuid, assessedOn: isoDate, scaleScore: z.number().int().nullable() });
export type EndAssessmentRef = z.infer<typeof endAssessmentRef>;

export const closingConversation = z.object({
  id: uuid,
  heldOn: isoDate,
  evaluation: text,
  planOnward: text.nullable(),
  citizenExperience: text.nullable(),
  questionnaire: questionnaireState,
  satisfaction: z.number().int().nullable(),
  benefit: z.number().int().nullable(),
  /** Who gave the answers: staff at the conversation, or the citizen on their own phone (final once given). */
  answerSource: answerSource,
  /** The questionnaire sent to the citizen; null when staff entered the answers. */
  citizenQuestionnaire: citizenQuestionnaireStatus.nullable(),
  endAssessment: endAssessmentRef.nullable(),
  recordedBy: text.nullable(),
  recordedAt: text,
});
export type ClosingConversation = z.infer<typeof closingConversation>;

export const closingNoteSave = z.strictObject({ body: requiredText(30000) });
export type ClosingNoteSave = z.input<typeof closingNoteSave>;

export const closingNoteSend = z.strictObject({
  sentOn: calendarDate,
  toGp: z.boolean(),
  toHospital: z.boolean(),
  /** Required when `toHospital`: an organisation of kind hospital department. */
  hospitalDepartmentId: uuid.nullable(),
  /** The citizen's consent to sending the note to the hospital department. */
  hospitalConsent: z.boolean(),
});
export type ClosingNoteSend = z.input<typeof closingNoteSend>;

export const organisationRef = z.object({ id: uuid, name: text });

export const closingNote = z.object({
  id: uuid,
  body: text,
  composedAt: text,
  editedAt: text.nullable(),
  editedBy: text.nullable(),
  sentOn: isoDate.nullable(),
  sentToGp: z.boolean(),
  gp: organisationRef.nullable(),
  sentToHospital: z.boolean(),
  hospitalDepartment: organisationRef.nullable(),
  hospitalConsent: z.boolean(),
  sentBy: text.nullable(),
});
export type ClosingNote = z.infer<typeof closingNote>;

/**
 * Why the closing note cannot go to the GP electronically (as a MedCom CareCommunication), so it is
 * sent another way and marked sent by hand: the home municipality has no unit with a SOR code and
 * GLN to send from, the citizen's GP is not known or has no SOR code and GLN, the citizen has no
 * CPR number or replacement CPR the message can carry, or there is no phone number (the contact
 * person's or the unit's) for the GP to call back.
 */
export const electronicBlockReasons = ['unit_missing', 'gp_unknown', 'gp_not_addressable', 'no_cpr', 'no_phone', 'department_not_addressable'] as const;
export type ElectronicBlockReason = (typeof electronicBlockReasons)[number];

export const closingNoteChannel = z.object({
  /** The note to the GP goes out as a MedCom CareCommunication when sent. */
  electronic: z.boolean(),
  reason: z.enum(electronicBlockReasons).nullable(),
  /**
   * The municipality can send electronically (its unit has SOR code and GLN, the citizen a CPR
   * number or replacement CPR, the receiver a phone to call): a hospital department with SOR code
   * and GLN then gets the note as a CareCommunication too.
   */
  senderReady: z.boolean(),
});
export type ClosingNoteChannel = z.infer<typeof closingNoteChannel>;

export const closingOverview = z.object({
  courseId: uuid,
  citizenId: uuid,
  receivedOn: isoDate,
  closedOn: isoDate.nullable(),
  closeReason: text.nullable(),
  /** The citizen's GP clinic, the note's GP recipient; null when not known. */
  gp: gpClinic.nullable(),
  endAssessments: z.array(endAssessmentRef),
  conversation: closingConversation.nullable(),
  note: closingNote.nullable(),
  /** How the note goes to the GP: electronically, or by hand with the reason why. */
  channel: closingNoteChannel,
  /** The CareCommunication that took the note to the GP, with its state: queued, sent, delivered or failed (and why). */
  message: messageSummary.nullable(),
  /** The CareCommunication that took the note to the hospital department, with its state. */
  hospitalMessage: messageSummary.nullable(),
});
export type ClosingOverview = z.infer<typeof closingOverview>;

export const closingNoteDraft = z.object({ body: text });
export type ClosingNoteDraft = z.infer<typeof closingNoteDraft>;
