import { describe, expect, it } from 'vitest';
import type { InterventionDetail } from '@samkraft/contracts/catalogue';
import { errorOf, parseDiagnosisList, toBody, toFormState } from './interventionForm.ts';

const livskraft: InterventionDetail = {
  code: 'livskraft', nameDa: 'Livskraft', nameEn: 'Livskraft', category: 'patient_education', form: 'team', teamMode: 'cohort',
  descriptionDa: null, purposeDa: null, targetSex: null, targetMinAge: 18, targetMaxAge: null, targetDiagnoses: ['DC50', 'DC34'],
  targetTreatment: null, targetTextDa: 'Alle diagnoser', legalBases: ['SUL119'], professions: ['nurse'], mixedDiagnoses: false,
  crossMunicipal: true, expectedPerYear: 677, cohortFollowUpWeeks: 8, active: true,
  dose: [{ part: 'teaching', profession: null, sessions: 7, upTo: false, perWeek: 1, minutes: 150 }],
};

describe('intervention form', () => {
  it('round-trips an intervention through the form unchanged', () => {
    const { code, ...fields } = livskraft;
    expect(code).toBe('livskraft');
    expect(toBody(toFormState(livskraft))).toEqual(fields);
  });

  it('sends blanks as null, an empty required number as 0, and drops the follow-up of a rolling team', () => {
    const s = { ...toFormState(livskraft), targetMinAge: '' as const, targetTextDa: '  ', teamMode: 'rolling' as const };
    s.dose = [{ part: ' ot ', profession: 'occupational_therapist', sessions: '', upTo: true, perWeek: '', minutes: 60 }];
    const body = toBody(s);
    expect(body).toMatchObject({ targetMinAge: null, targetTextDa: null, teamMode: 'rolling', cohortFollowUpWeeks: null });
    expect(body.dose).toEqual([{ part: 'ot', profession: 'occupational_therapist', sessions: 0, upTo: true, perWeek: null, minutes: 60 }]);
  });

  it('reads a diagnosis list written with commas, spaces or semicolons', () => {
    expect(parseDiagnosisList('dc50, DC34;DC01  dc02')).toEqual(['DC50', 'DC34', 'DC01', 'DC02']);
    expect(parseDiagnosisList(' , ')).toBeNull();
  });

  it('finds an item error for its list input', () => {
    const errors = { 'targetDiagnoses[1]': 'Ukendt diagnose', teamMode: 'Vælg' };
    expect(errorOf(errors, 'targetDiagnoses')).toBe('Ukendt diagnose');
    expect(errorOf(errors, 'teamMode')).toBe('Vælg');
    expect(errorOf(errors, 'targetMaxAge')).toBeUndefined();
  });
});
