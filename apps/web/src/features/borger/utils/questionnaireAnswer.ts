import type { CitizenQuestionnaireAnswer } from '@samkraft/contracts/closing-questionnaire';

/** A radio group's value: '' = nothing chosen yet, '1'…'5', or 'none' = "Vil ikke svare". */
export type AnswerChoice = '' | '1' | '2' | '3' | '4' | '5' | 'none';

export type AnswerForm = { satisfaction: AnswerChoice; benefit: AnswerChoice };

/** The questions left unanswered (a choice is required; "Vil ikke svare" is a choice). */
export function missingAnswers(f: AnswerForm): (keyof AnswerForm)[] {
  return (['satisfaction', 'benefit'] as const).filter((k) => f[k] === '');
}

const toAnswer = (c: AnswerChoice): number | null => (c === '' || c === 'none' ? null : Number(c));

/** The request body: 1–5, or null for "Vil ikke svare". */
export function answerBody(f: AnswerForm): CitizenQuestionnaireAnswer {
  return { satisfaction: toAnswer(f.satisfaction), benefit: toAnswer(f.benefit) };
}
