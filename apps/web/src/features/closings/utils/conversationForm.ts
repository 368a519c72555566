import type { ClosingConversation, ClosingConversationSave, QuestionnaireState } from '@samkraft/contracts/closings';

export type ConversationForm = {
  heldOn: string;
  evaluation: string;
  planOnward: string;
  citizenExperience: string;
  questionnaire: QuestionnaireState;
  /** '' = not chosen; '1'…'5' from the radio groups. */
  satisfaction: string;
  benefit: string;
  endAssessmentId: string;
};

/** The form's starting values: the recorded conversation, or an empty form dated today. */
export function conversationForm(saved: ClosingConversation | null, today: string, latestEndAssessmentId: string | null): ConversationForm {
  if (!saved) {
    return { heldOn: today, evaluation: '', planOnward: '', citizenExperience: '', questionnaire: 'answered', satisfaction: '', benefit: '', endAssessmentId: latestEndAssessmentId ?? '' };
  }
  return {
    heldOn: saved.heldOn,
    evaluation: saved.evaluation,
    planOnward: saved.planOnward ?? '',
    citizenExperience: saved.citizenExperience ?? '',
    // Sent to the citizen (open, expired or answered by them): the choice stays the citizen's.
    questionnaire: saved.answerSource === 'citizen' ? 'citizen' : saved.questionnaire,
    satisfaction: saved.satisfaction === null || saved.answerSource === 'citizen' ? '' : String(saved.satisfaction),
    benefit: saved.benefit === null || saved.answerSource === 'citizen' ? '' : String(saved.benefit),
    endAssessmentId: saved.endAssessment?.id ?? '',
  };
}

const answer = (v: string) => (v === '' ? null : Number(v));
const text = (v: string) => (v.trim() === '' ? null : v);

/** The request body: answers go only with an answered questionnaire, empty texts as null. */
export function conversationBody(f: ConversationForm): ClosingConversationSave {
  const answered = f.questionnaire === 'answered';
  return {
    heldOn: f.heldOn,
    evaluation: f.evaluation,
    planOnward: text(f.planOnward),
    citizenExperience: text(f.citizenExperience),
    questionnaire: f.questionnaire,
    satisfaction: answered ? answer(f.satisfaction) : null,
    benefit: answered ? answer(f.benefit) : null,
    endAssessmentId: f.endAssessmentId === '' ? null : f.endAssessmentId,
  };
}
