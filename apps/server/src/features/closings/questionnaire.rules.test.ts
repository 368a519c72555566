import { describe, expect, it } from 'vitest';
import { checkCitizenAnswer, citizenAnswerValues, citizenQuestionnaireStateOf, planQuestionnaire, type CitizenRequest } from './questionnaire.rules.ts';

const open: CitizenRequest = { requestedAt: '2026-11-20T09:00:00.000Z', dueOn: '2026-12-04', answeredAt: null };
const answered: CitizenRequest = { ...open, answeredAt: '2026-11-21T18:30:00.000Z' };

describe('citizenQuestionnaireStateOf', () => {
  it('is open through its last day, expired the day after, and answered for good once answered', () => {
    expect(citizenQuestionnaireStateOf(open, '2026-11-20')).toBe('open');
    expect(citizenQuestionnaireStateOf(open, '2026-12-04')).toBe('open');
    expect(citizenQuestionnaireStateOf(open, '2026-12-05')).toBe('expired');
    expect(citizenQuestionnaireStateOf(answered, '2027-06-01')).toBe('answered');
  });
});

describe('planQuestionnaire (a staff save of the closing conversation)', () => {
  it('requests the citizen’s answers when none was asked before, and again when the request expired', () => {
    expect(planQuestionnaire(null, 'citizen', '2026-11-20')).toEqual({ kind: 'request' });
    expect(planQuestionnaire(open, 'citizen', '2026-12-05')).toEqual({ kind: 'request' });
  });
  it('keeps an open request chosen again (its date and deadline do not move)', () => {
    expect(planQuestionnaire(open, 'citizen', '2026-11-25')).toEqual({ kind: 'keep' });
  });
  it('lets staff enter the answers instead of an unanswered request', () => {
    expect(planQuestionnaire(open, 'answered', '2026-11-25')).toEqual({ kind: 'staff' });
    expect(planQuestionnaire(null, 'declined', '2026-11-25')).toEqual({ kind: 'staff' });
  });
  it('keeps the citizen’s answers and refuses any staff outcome over them', () => {
    expect(planQuestionnaire(answered, 'citizen', '2026-11-25')).toEqual({ kind: 'keep' });
    for (const chosen of ['answered', 'declined', 'not_asked'] as const) {
      const plan = planQuestionnaire(answered, chosen, '2026-11-25');
      expect(plan.kind === 'refuse' && `${plan.issue.field}:${plan.issue.code}`).toBe('questionnaire:answered_by_citizen');
    }
  });
});

describe('the citizen’s answer', () => {
  it('is taken once, only while the questionnaire is open', () => {
    expect(checkCitizenAnswer('open')).toEqual([]);
    expect(checkCitizenAnswer('answered').map((i) => i.code)).toEqual(['already_answered']);
    expect(checkCitizenAnswer('expired').map((i) => i.code)).toEqual(['questionnaire_expired']);
  });
  it('stores "Vil ikke svare" as no answer, and to both questions as a refusal', () => {
    expect(citizenAnswerValues({ satisfaction: 5, benefit: 4 })).toEqual({ satisfaction: 5, benefit: 4, declined: false });
    expect(citizenAnswerValues({ satisfaction: 2, benefit: null })).toEqual({ satisfaction: 2, benefit: null, declined: false });
    expect(citizenAnswerValues({ satisfaction: null, benefit: null })).toEqual({ satisfaction: null, benefit: null, declined: true });
  });
});
