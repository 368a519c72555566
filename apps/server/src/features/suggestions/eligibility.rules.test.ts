import { describe, expect, it } from 'vitest';
import { ageOn, answersNeeds, courseWeeks, expectedWaitWeeks, isEligible, type CitizenFacts, type InterventionTarget } from './eligibility.rules.ts';

const any: InterventionTarget = { sex: null, minAge: null, maxAge: null, diagnoses: null, treatmentStatuses: null };
const targets: Record<string, InterventionTarget> = {
  breast_training: { ...any, sex: 'F', diagnoses: ['DC50'] },
  men_training: { ...any, sex: 'M' },
  young_training: { ...any, maxAge: 39 },
  mixed_training: any,
};
const woman = (age: number, diagnosisCode: string | null): CitizenFacts => ({ sex: 'F', age, diagnosisCode, treatmentStatus: 'treatment_ended' });
const man = (age: number, diagnosisCode: string | null): CitizenFacts => ({ sex: 'M', age, diagnosisCode, treatmentStatus: 'treatment_ended' });

describe('isEligible', () => {
  it.each([
    ['woman 55 with DC509', woman(55, 'DC509'), ['breast_training', 'mixed_training']],
    ['woman 35 with DC50', woman(35, 'DC50'), ['breast_training', 'young_training', 'mixed_training']],
    ['woman 55 with lung cancer', woman(55, 'DC341'), ['mixed_training']],
    ['woman 55 without diagnosis', woman(55, null), ['mixed_training']],
    ['man 55 with DC50', man(55, 'DC509'), ['men_training', 'mixed_training']],
    ['man 39 with DC61', man(39, 'DC61'), ['men_training', 'young_training', 'mixed_training']],
    ['man 40 with DC61', man(40, 'DC61'), ['men_training', 'mixed_training']],
  ])('%s → %j', (_label, citizen, expected) => {
    expect(Object.keys(targets).filter((k) => isEligible(targets[k]!, citizen))).toEqual(expected);
  });
  it('filters on treatment status, but not on an unknown one', () => {
    const t = { ...any, treatmentStatuses: ['treatment_ended', 'late_effects'] };
    expect(isEligible(t, { ...woman(50, null), treatmentStatus: 'under_treatment' })).toBe(false);
    expect(isEligible(t, { ...woman(50, null), treatmentStatus: 'late_effects' })).toBe(true);
    expect(isEligible(t, { ...woman(50, null), treatmentStatus: 'unknown' })).toBe(true);
    expect(isEligible(t, { ...woman(50, null), treatmentStatus: null })).toBe(true);
  });
});

describe('ageOn', () => {
  it('counts whole years', () => {
    expect(ageOn('1986-11-23', '2026-11-22')).toBe(39);
    expect(ageOn('1986-11-22', '2026-11-22')).toBe(40);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
});

describe('answersNeeds', () => {
  it('shows everything without problems, else matches areas to categories', () => {
    expect(answersNeeds('physical_training', [])).toBe(true);
    expect(answersNeeds('physical_training', ['physical'])).toBe(true);
    expect(answersNeeds('physical_training', ['psychological'])).toBe(false);
    expect(answersNeeds('patient_education', ['psychological'])).toBe(true);
    expect(answersNeeds('patient_education', ['work_economy'])).toBe(false);
  });
});

describe('expected wait', () => {
  it('is waiting ÷ (capacity ÷ course weeks), rounded up', () => {
    expect(courseWeeks([{ sessions: 29, perWeek: 2 }])).toBe(14.5);
    expect(courseWeeks([{ sessions: 30, perWeek: null }])).toBeNull();
    expect(expectedWaitWeeks({ waiting: 0, capacity: 0, courseWeeks: null })).toBe(0);
    expect(expectedWaitWeeks({ waiting: 3, capacity: 12, courseWeeks: 14.5 })).toBe(4);
    expect(expectedWaitWeeks({ waiting: 3, capacity: 12, courseWeeks: null })).toBeNull();
  });
});
