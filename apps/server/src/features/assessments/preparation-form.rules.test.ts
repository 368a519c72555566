import { describe, expect, it } from 'vitest';
import { checkCitizenAnswers, decideRemind, decideSend, draftFromAnswers, normaliseAnswers, preparationFormStatusOf } from './preparation-form.rules.ts';

const active = new Set(['physical.fatigue', 'psychological.worry']);

describe('the preparation form’s rules', () => {
  it('derives where the form is from its dates', () => {
    expect(preparationFormStatusOf({ openedAt: null, answeredAt: null })).toBe('sent');
    expect(preparationFormStatusOf({ openedAt: '2026-11-20T10:00:00.000Z', answeredAt: null })).toBe('opened');
    expect(preparationFormStatusOf({ openedAt: '2026-11-20T10:00:00.000Z', answeredAt: '2026-11-21T10:00:00.000Z' })).toBe('answered');
  });

  it('is sent once, by a writer, to an open course without an initial needs assessment', () => {
    const ok = { canWrite: true, closed: false, hasForm: false, hasInitial: false };
    expect(decideSend(ok)).toBeNull();
    expect(decideSend({ ...ok, canWrite: false })).toBe('no_write');
    expect(decideSend({ ...ok, closed: true })).toBe('course_closed');
    expect(decideSend({ ...ok, hasForm: true })).toBe('already_sent');
    expect(decideSend({ ...ok, hasInitial: true })).toBe('initial_assessment_exists');
  });

  it('reminds only of a form not yet answered on an open course', () => {
    expect(decideRemind({ closed: false, answeredAt: null })).toBeNull();
    expect(decideRemind({ closed: false, answeredAt: '2026-11-21T10:00:00.000Z' })).toBe('already_answered');
    expect(decideRemind({ closed: true, answeredAt: null })).toBe('course_closed');
  });

  it('checks the ticked items and, to submit, the scale', () => {
    const a = { scaleScore: null, problems: ['physical.fatigue', 'nope', 'physical.fatigue'], whatMattersMost: null };
    expect(checkCitizenAnswers(a, active, { final: false }).map((i) => [i.field, i.code])).toEqual([
      ['problems[1]', 'unknown_assessment_item'],
      ['problems[2]', 'duplicate'],
    ]);
    expect(checkCitizenAnswers({ ...a, problems: [] }, active, { final: true }).map((i) => [i.field, i.code])).toEqual([['scaleScore', 'required']]);
    expect(checkCitizenAnswers({ ...a, problems: [], scaleScore: 0 }, active, { final: true })).toEqual([]);
  });

  it('takes blank free text as no answer', () => {
    expect(normaliseAnswers({ scaleScore: 3, problems: [], whatMattersMost: '   ' }).whatMattersMost).toBeNull();
    expect(normaliseAnswers({ scaleScore: 3, problems: [], whatMattersMost: ' Hunden ' }).whatMattersMost).toBe('Hunden');
  });

  it('drafts the initial assessment from a submitted answer until the professional has recorded one', () => {
    const f = { answeredAt: '2026-11-21T10:00:00.000Z', scaleScore: 7, problems: ['physical.fatigue'], whatMattersMost: null };
    expect(draftFromAnswers(f, false)).toEqual({ occasion: 'initial', scaleScore: 7, problems: [{ itemCode: 'physical.fatigue' }], whatMattersMost: '' });
    expect(draftFromAnswers(f, true)).toBeNull();
    expect(draftFromAnswers({ ...f, answeredAt: null }, false)).toBeNull();
    expect(draftFromAnswers(null, false)).toBeNull();
  });
});
