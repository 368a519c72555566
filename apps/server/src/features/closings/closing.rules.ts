import type { AnswerSource } from '@samkraft/contracts/closing-questionnaire';
import type { QuestionnaireState } from '@samkraft/contracts/closings';
import type { FieldIssue } from '../../platform/errors.ts';

export type ConversationCheck = {
  heldOn: string;
  today: string;
  receivedOn: string;
  questionnaire: QuestionnaireState;
  satisfaction: number | null;
  benefit: number | null;
  endAssessmentId: string | null;
  endAssessmentIds: ReadonlySet<string>;
};

/**
 * What the schema cannot check about a closing conversation: its date against today and the
 * referral's receipt; that answers come exactly when the questionnaire was answered (a citizen
 * who declined is counted as asked, without answers); that the linked needs assessment is an end
 * assessment of this course.
 */
export function checkConversation(f: ConversationCheck): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.heldOn > f.today) issues.push({ field: 'heldOn', code: 'future_date', message: 'must not be in the future' });
  else if (f.heldOn < f.receivedOn) issues.push({ field: 'heldOn', code: 'before_received', message: 'must not be before the referral was received' });
  for (const field of ['satisfaction', 'benefit'] as const) {
    const value = f[field];
    if (f.questionnaire === 'answered' && value === null) issues.push({ field, code: 'required', message: 'is required when the questionnaire was answered' });
    if (f.questionnaire !== 'answered' && value !== null) issues.push({ field, code: 'answers_not_allowed', message: 'is given only when the questionnaire was answered' });
  }
  if (f.endAssessmentId !== null && !f.endAssessmentIds.has(f.endAssessmentId)) {
    issues.push({ field: 'endAssessmentId', code: 'not_end_assessment', message: 'must be an end needs assessment of this course' });
  }
  return issues;
}

/**
 * The questionnaire's state as read back: sent to the citizen and not answered (yet) is `citizen`;
 * a citizen may answer one question and not want to answer the other, so one answer is enough
 * for `answered` (staff enter both or none).
 */
export function questionnaireOf(r: {
  questionnaireDeclined: boolean;
  satisfaction: number | null;
  benefit: number | null;
  answerSource: AnswerSource;
  citizenAnsweredAt: string | null;
}): QuestionnaireState {
  if (r.answerSource === 'citizen' && r.citizenAnsweredAt === null) return 'citizen';
  if (r.questionnaireDeclined) return 'declined';
  return r.satisfaction !== null || r.benefit !== null ? 'answered' : 'not_asked';
}

export type SendCheck = {
  sentOn: string;
  today: string;
  openedOn: string;
  conversationHeldOn: string | null;
  toGp: boolean;
  gpKnown: boolean;
  toHospital: boolean;
  hospitalDepartmentId: string | null;
  /** The kind of the chosen organisation; undefined when it does not exist. */
  hospitalDepartmentKind: string | undefined;
  hospitalConsent: boolean;
};

/**
 * Sending needs the closing conversation, a date between the course's start (or the
 * conversation) and today, at least one recipient, a known GP when sent to the GP, and — for the
 * hospital department — a real department and the citizen's recorded consent.
 */
export function checkSend(f: SendCheck): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.conversationHeldOn === null) issues.push({ field: 'conversation', code: 'closing_conversation_required', message: 'the closing conversation must be recorded first' });
  if (f.sentOn > f.today) issues.push({ field: 'sentOn', code: 'future_date', message: 'must not be in the future' });
  else if (f.sentOn < f.openedOn) issues.push({ field: 'sentOn', code: 'before_received', message: 'must not be before the course started' });
  else if (f.conversationHeldOn !== null && f.sentOn < f.conversationHeldOn) issues.push({ field: 'sentOn', code: 'before_conversation', message: 'must not be before the closing conversation' });
  if (!f.toGp && !f.toHospital) issues.push({ field: 'toGp', code: 'recipient_required', message: 'choose at least one recipient' });
  if (f.toGp && !f.gpKnown) issues.push({ field: 'toGp', code: 'gp_unknown', message: "the citizen's GP is not known" });
  if (f.toHospital) {
    if (f.hospitalDepartmentId === null) issues.push({ field: 'hospitalDepartmentId', code: 'required', message: 'is required when the note goes to a hospital department' });
    else if (f.hospitalDepartmentKind !== 'hospital_department') issues.push({ field: 'hospitalDepartmentId', code: 'not_hospital_department', message: 'must be a hospital department' });
    if (!f.hospitalConsent) issues.push({ field: 'hospitalConsent', code: 'consent_required', message: "the citizen's consent is required to send the note to the hospital department" });
  }
  return issues;
}
