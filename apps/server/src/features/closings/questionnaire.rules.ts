import type { CitizenQuestionnaireState } from '@samkraft/contracts/closing-questionnaire';
import type { QuestionnaireState } from '@samkraft/contracts/closings';
import type { FieldIssue } from '../../platform/errors.ts';

/**
 * The questionnaire at closing answered by the citizen on their own phone (issue 13.5): when it
 * can be answered, what a staff save of the closing conversation does to it, and the answer's
 * values. Pure: the clock's Danish date and the due date come in.
 */

export type CitizenRequest = { requestedAt: string; dueOn: string; answeredAt: string | null };

/** Answered is final; unanswered after its last day it has expired. */
export function citizenQuestionnaireStateOf(r: Pick<CitizenRequest, 'dueOn' | 'answeredAt'>, today: string): CitizenQuestionnaireState {
  if (r.answeredAt !== null) return 'answered';
  return today > r.dueOn ? 'expired' : 'open';
}

/**
 * What a staff save of the closing conversation does with the questionnaire:
 * - `keep`: the stored answers and request stay as they are (the citizen has answered — final — or
 *   a request still open is chosen again);
 * - `request`: a new request to the citizen (none yet, or the earlier one expired unanswered);
 * - `staff`: staff enter the outcome (answered, declined, not asked); a request not answered is withdrawn.
 * Staff cannot overwrite what the citizen answered: anything but `citizen` is then refused.
 */
export type QuestionnairePlan = { kind: 'keep' } | { kind: 'request' } | { kind: 'staff' } | { kind: 'refuse'; issue: FieldIssue };

export function planQuestionnaire(existing: CitizenRequest | null, chosen: QuestionnaireState, today: string): QuestionnairePlan {
  const state = existing ? citizenQuestionnaireStateOf(existing, today) : null;
  if (state === 'answered') {
    return chosen === 'citizen'
      ? { kind: 'keep' }
      : { kind: 'refuse', issue: { field: 'questionnaire', code: 'answered_by_citizen', message: 'the citizen has answered the questionnaire; the answers cannot be changed' } };
  }
  if (chosen !== 'citizen') return { kind: 'staff' };
  return state === 'open' ? { kind: 'keep' } : { kind: 'request' };
}

/** The citizen may answer an open questionnaire only, once. */
export function checkCitizenAnswer(state: CitizenQuestionnaireState): FieldIssue[] {
  if (state === 'answered') return [{ field: 'questionnaire', code: 'already_answered', message: 'the questionnaire has been answered; the answers are final' }];
  if (state === 'expired') return [{ field: 'questionnaire', code: 'questionnaire_expired', message: 'the questionnaire can no longer be answered' }];
  return [];
}

/** The stored values of the citizen's answer: "Vil ikke svare" to both questions is a refusal of the questionnaire. */
export function citizenAnswerValues(a: { satisfaction: number | null; benefit: number | null }): { satisfaction: number | null; benefit: number | null; declined: boolean } {
  return { satisfaction: a.satisfaction, benefit: a.benefit, declined: a.satisfaction === null && a.benefit === null };
}
