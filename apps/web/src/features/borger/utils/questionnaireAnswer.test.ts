import { describe, expect, it } from 'vitest';
import { answerBody, missingAnswers } from './questionnaireAnswer.ts';

describe('the citizen’s answer form', () => {
  it('wants a choice for each question, "Vil ikke svare" counting as one', () => {
    expect(missingAnswers({ satisfaction: '', benefit: '' })).toEqual(['satisfaction', 'benefit']);
    expect(missingAnswers({ satisfaction: 'none', benefit: '3' })).toEqual([]);
  });
  it('sends 1–5 as numbers and "Vil ikke svare" as null', () => {
    expect(answerBody({ satisfaction: '5', benefit: 'none' })).toEqual({ satisfaction: 5, benefit: null });
  });
});
