import { describe, expect, it } from 'vitest';
import { conversationBody, conversationForm } from './conversationForm.ts';

describe('conversationForm', () => {
  it('starts empty, dated today, linked to the latest end assessment', () => {
    expect(conversationForm(null, '2026-11-22', 'a1')).toEqual({
      heldOn: '2026-11-22',
      evaluation: '',
      planOnward: '',
      citizenExperience: '',
      questionnaire: 'answered',
      satisfaction: '',
      benefit: '',
      endAssessmentId: 'a1',
    });
  });

  it('starts from the recorded conversation', () => {
    const form = conversationForm(
      {
        id: '00000000-0000-4000-8000-000000000001',
        heldOn: '2026-11-20',
        evaluation: 'Nået',
        planOnward: null,
        citizenExperience: 'God',
        questionnaire: 'answered',
        satisfaction: 5,
        benefit: 3,
        answerSource: 'staff',
        citizenQuestionnaire: null,
        endAssessment: null,
        recordedBy: 'K',
        recordedAt: '2026-11-20T10:00:00.000Z',
      },
      '2026-11-22',
      'a1',
    );
    expect(form).toMatchObject({ heldOn: '2026-11-20', planOnward: '', citizenExperience: 'God', satisfaction: '5', benefit: '3', endAssessmentId: '' });
  });
});

describe('a questionnaire the citizen answers on their own phone', () => {
  const saved = {
    id: '00000000-0000-4000-8000-000000000001',
    heldOn: '2026-11-20',
    evaluation: 'Nået',
    planOnward: null,
    citizenExperience: null,
    questionnaire: 'answered' as const,
    satisfaction: 5,
    benefit: null,
    answerSource: 'citizen' as const,
    citizenQuestionnaire: { state: 'answered' as const, requestedAt: '2026-11-20T10:00:00.000Z', requestedBy: 'K', dueOn: '2026-12-04', answeredAt: '2026-11-21T10:00:00.000Z' },
    endAssessment: null,
    recordedBy: 'K',
    recordedAt: '2026-11-20T10:00:00.000Z',
  };
  it('keeps the choice with the citizen and sends none of their answers back', () => {
    const form = conversationForm(saved, '2026-11-22', null);
    expect(form).toMatchObject({ questionnaire: 'citizen', satisfaction: '', benefit: '' });
    expect(conversationBody(form)).toMatchObject({ questionnaire: 'citizen', satisfaction: null, benefit: null });
  });
});

describe('conversationBody', () => {
  const form = conversationForm(null, '2026-11-22', null);
  it('sends the answers as numbers and empty texts as null', () => {
    expect(conversationBody({ ...form, evaluation: 'Nået', satisfaction: '4', benefit: '5' })).toEqual({
      heldOn: '2026-11-22',
      evaluation: 'Nået',
      planOnward: null,
      citizenExperience: null,
      questionnaire: 'answered',
      satisfaction: 4,
      benefit: 5,
      endAssessmentId: null,
    });
  });
  it('drops answers when the citizen declined or was not asked', () => {
    expect(conversationBody({ ...form, questionnaire: 'declined', satisfaction: '4', benefit: '5' })).toMatchObject({ questionnaire: 'declined', satisfaction: null, benefit: null });
    expect(conversationBody({ ...form, questionnaire: 'not_asked', satisfaction: '2', benefit: '' })).toMatchObject({ questionnaire: 'not_asked', satisfaction: null, benefit: null });
  });
  it('leaves an unanswered question empty so the server names it', () => {
    expect(conversationBody({ ...form, satisfaction: '3' })).toMatchObject({ satisfaction: 3, benefit: null });
  });
});
