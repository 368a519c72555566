import { z } from 'zod';
import { isoDate, text, uuid } from './common.ts';

/**
 * The questionnaire at closing (issue 13.5): the two questions behind indicators 4 and 5 of note
 * §11 Table 7 — is the citizen satisfied with the whole course, and did it give a positive
 * benefit, each on a 1–5 scale — answered by the citizen on their own phone, or entered by staff at
 * the closing conversation.
 */

/** Who gave the questionnaire's answers (`closing_conversation.answer_source`). Rows before migration 0039 are `staff`. */
export const answerSources = ['staff', 'citizen'] as const;
export const answerSource = z.enum(answerSources);
export type AnswerSource = z.infer<typeof answerSource>;

/** Working days (the home municipality's calendar) the citizen has to answer, the day of the request being day 0. */
export const CITIZEN_QUESTIONNAIRE_WORKING_DAYS = 10;

/** A questionnaire sent to the citizen: waiting for the answer, answered (final), or expired unanswered. */
export const citizenQuestionnaireStates = ['open', 'answered', 'expired'] as const;
export const citizenQuestionnaireState = z.enum(citizenQuestionnaireStates);
export type CitizenQuestionnaireState = z.infer<typeof citizenQuestionnaireState>;

/** How staff see a questionnaire sent to the citizen, on the closing page. */
export const citizenQuestionnaireStatus = z.object({
  state: citizenQuestionnaireState,
  requestedAt: text,
  requestedBy: text.nullable(),
  /** The last day the citizen can answer. */
  dueOn: isoDate,
  answeredAt: text.nullable(),
});
export type CitizenQuestionnaireStatus = z.infer<typeof citizenQuestionnaireStatus>;

/** One answer: 1–5, or null when the citizen chose "Vil ikke svare" (does not want to answer). */
export const citizenAnswer = z.number().int().min(1).max(5).nullable();

/** The citizen's answers: both questions must be answered, each with 1–5 or null ("Vil ikke svare"). */
export const citizenQuestionnaireAnswer = z.strictObject({ satisfaction: citizenAnswer, benefit: citizenAnswer });
export type CitizenQuestionnaireAnswer = z.input<typeof citizenQuestionnaireAnswer>;

export const questionnaireIdParams = z.strictObject({ questionnaireId: uuid });

/** A questionnaire as the citizen sees it (the id is the closing conversation's). */
export const myQuestionnaire = z.object({
  id: uuid,
  state: citizenQuestionnaireState,
  /** The municipality the questionnaire comes from (the course's home municipality). */
  municipalityName: text,
  requestedOn: isoDate,
  dueOn: isoDate,
  answeredAt: text.nullable(),
  /** The answers once given (null: "Vil ikke svare"); both null while open or expired. */
  satisfaction: z.number().int().nullable(),
  benefit: z.number().int().nullable(),
});
export type MyQuestionnaire = z.infer<typeof myQuestionnaire>;

export const myQuestionnaires = z.object({ questionnaires: z.array(myQuestionnaire) });
export type MyQuestionnaires = z.infer<typeof myQuestionnaires>;
