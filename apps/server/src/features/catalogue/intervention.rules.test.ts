import type { InterventionFields } from '@samkraft/contracts/catalogue';
import { describe, expect, it } from 'vitest';
import { interventionIssues, knownDiagnosisCheck } from './intervention.rules.ts';
import { checkEnd, checkNoOverlap, periodsOverlap } from './routing.rules.ts';
import { AppError } from '../../platform/errors.ts';

const base: InterventionFields = {
  nameDa: 'Hold', nameEn: 'Team', category: 'physical_training', form: 'team', teamMode: 'rolling', descriptionDa: null, purposeDa: null,
  targetSex: null, targetMinAge: null, targetMaxAge: null, targetDiagnoses: null, targetTreatment: null, targetTextDa: null,
  legalBases: ['SUL119'], professions: [], mixedDiagnoses: false, crossMunicipal: true, expectedPerYear: null, cohortFollowUpWeeks: null, active: true, dose: [],
};
const known = knownDiagnosisCheck(['DC00', 'DC01', 'DC50']);
const issues = (over: Partial<InterventionFields>) => interventionIssues({ ...base, ...over }, known).map((i) => `${i.field}:${i.code}`);

describe('interventionIssues', () => {
  it('accepts an equal age range, refuses a reversed one on the max', () => {
    expect(issues({ targetMinAge: 40, targetMaxAge: 40 })).toEqual([]);
    expect(issues({ targetMinAge: 40, targetMaxAge: 39 })).toEqual(['targetMaxAge:below_min_age']);
  });
  it('asks a team for its mode, refuses one on an individual intervention', () => {
    expect(issues({ form: 'team_or_individual', teamMode: null })).toEqual(['teamMode:team_mode_required']);
    expect(issues({ form: 'individual', teamMode: 'cohort' })).toEqual(['teamMode:invalid_value']);
    expect(issues({ form: 'individual', teamMode: null })).toEqual([]);
  });
  it('keeps a follow-up to cohorts (Livskraft: after 8 weeks)', () => {
    expect(issues({ teamMode: 'cohort', cohortFollowUpWeeks: 8 })).toEqual([]);
    expect(issues({ teamMode: 'rolling', cohortFollowUpWeeks: 8 })).toEqual(['cohortFollowUpWeeks:cohort_only']);
  });
  it('names a dose part given twice by its row', () => {
    const part = { part: 'ot', profession: null, sessions: 30, upTo: true, perWeek: null, minutes: 60 };
    expect(issues({ dose: [part, { ...part, part: 'pt' }, part] })).toEqual(['dose[2].part:duplicate']);
  });
  it('knows diagnoses by prefix either way', () => {
    expect(issues({ targetDiagnoses: ['DC50', 'DC509', 'DC0', 'DC99', 'DD'] })).toEqual(['targetDiagnoses[3]:unknown_diagnosis', 'targetDiagnoses[4]:unknown_diagnosis']);
  });
});

describe('routing periods', () => {
  it('overlap on a shared day, open ends included', () => {
    expect(periodsOverlap({ validFrom: '2026-01-01', validTo: '2026-12-31' }, { validFrom: '2026-12-31', validTo: null })).toBe(true);
    expect(periodsOverlap({ validFrom: '2026-01-01', validTo: '2026-12-31' }, { validFrom: '2027-01-01', validTo: null })).toBe(false);
    expect(periodsOverlap({ validFrom: '2027-01-01', validTo: null }, { validFrom: '2017-10-01', validTo: null })).toBe(true);
    expect(periodsOverlap({ validFrom: '2010-01-01', validTo: '2016-12-31' }, { validFrom: '2017-10-01', validTo: null })).toBe(false);
  });
  it('names the clashing route', () => {
    try {
      checkNoOverlap({ validFrom: '2026-06-01', validTo: null }, [{ id: 'a', validFrom: '2017-10-01', validTo: '2026-12-31' }], 'validFrom');
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).fields).toMatchObject([{ field: 'validFrom', code: 'overlapping_route', params: { validFrom: '2017-10-01', validTo: '2026-12-31' } }]);
    }
  });
  it('ends a route only on or after its start, and an ended one only earlier', () => {
    expect(() => checkEnd({ validFrom: '2017-10-01', validTo: null }, '2017-10-01')).not.toThrow();
    expect(() => checkEnd({ validFrom: '2017-10-01', validTo: null }, '2017-09-30')).toThrow(AppError);
    expect(() => checkEnd({ validFrom: '2017-10-01', validTo: '2026-12-31' }, '2026-06-30')).not.toThrow();
    expect(() => checkEnd({ validFrom: '2017-10-01', validTo: '2026-12-31' }, '2026-12-31')).toThrow(AppError);
  });
});
