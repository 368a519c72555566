import type { NewReferralBody } from '@samkraft/contracts/referrals';
import { describe, expect, it } from 'vitest';
import { checkReferralIntake, type IntakeFacts } from './referral-intake.rules.ts';

const facts: IntakeFacts = { today: '2026-11-22', diagnosisExists: true, organisationExists: true, existingCitizen: null };
const body: NewReferralBody = {
  citizen: { cpr: '050490-9989', givenName: 'Rasmus Test', familyName: 'Lauridsen' },
  receivedOn: '2026-11-16',
  source: 'gp',
  legalBasis: 'SUL119',
  referringText: 'Egen læge',
  diagnosisCode: 'DC50',
  treatmentStatus: 'under_treatment',
  targetGroup: 'in_group',
};
const fields = (b: Partial<NewReferralBody>, f: Partial<IntakeFacts> = {}) => {
  const d = checkReferralIntake({ ...body, ...b }, { ...facts, ...f });
  return d.ok ? [] : d.issues.map((i) => i.field);
};

describe('checkReferralIntake', () => {
  it('names every missing field of an empty form at once (issue 10.18)', () => {
    const d = checkReferralIntake({ citizen: { cpr: '' } }, { ...facts, diagnosisExists: false });
    expect(d.ok ? [] : d.issues.map((i) => [i.field, i.code])).toEqual([
      ['citizen.cpr', 'cpr_empty'],
      ['citizen.givenName', 'required'],
      ['citizen.familyName', 'required'],
      ['receivedOn', 'required'],
      ['source', 'required'],
      ['legalBasis', 'required'],
      ['diagnosisCode', 'required'],
      ['treatmentStatus', 'required'],
      ['targetGroup', 'required'],
    ]);
  });
  it('accepts a complete GP referral and reads sex and birth date from the CPR', () => {
    expect(checkReferralIntake(body, facts)).toMatchObject({ ok: true, legalBasis: 'SUL119', sex: 'M', cpr: { birthDate: '1990-04-05' } });
  });
  it('names the CPR for an impossible date, and the received date when in the future', () => {
    expect(fields({ citizen: { ...body.citizen, cpr: '3102909989' } })).toContain('citizen.cpr');
    expect(fields({ receivedOn: '2026-11-23' })).toEqual(['receivedOn']);
  });
  it('derives §140 from a GOP and then wants the discharge date', () => {
    const d = checkReferralIntake({ ...body, source: 'hospital_gop', legalBasis: undefined, dischargedOn: '2026-11-10' }, facts);
    expect(d).toMatchObject({ ok: true, legalBasis: 'SUL140' });
    expect(fields({ source: 'hospital_gop', legalBasis: undefined })).toEqual(['dischargedOn']);
    expect(fields({ source: 'hospital_gop', legalBasis: 'SEL86-1', dischargedOn: '2026-11-10' })).toEqual(['legalBasis']);
  });
  it('checks the target group: reasons outside, a justification when admitted individually', () => {
    expect(fields({ targetGroup: 'outside' })).toEqual(['targetGroupReasons']);
    expect(fields({ targetGroup: 'outside', targetGroupReasons: ['other'] })).toEqual(['targetGroupJustification']);
    expect(fields({ targetGroup: 'admitted_individual' })).toEqual(['targetGroupJustification']);
    expect(fields({ targetGroup: 'admitted_individual', targetGroupJustification: 'Vurderet' })).toEqual([]);
    expect(fields({ targetGroupReasons: ['no_cancer'] })).toEqual(['targetGroupReasons']);
  });
  it('wants treatment dates in order, the sex a letter-ending replacement CPR lacks, and refuses a deceased citizen', () => {
    expect(fields({ treatmentStartedOn: '2026-10-01', treatmentEndedOn: '2026-09-01' })).toEqual(['treatmentEndedOn']);
    expect(fields({ citizen: { cpr: '010180ABCD', givenName: 'A', familyName: 'B' } })).toEqual(['citizen.sex']);
    expect(fields({}, { existingCitizen: { birthDate: '1990-04-05', deceasedOn: '2026-01-01', elsewhere: false } })).toEqual(['citizen.cpr']);
  });
  it("asks for a move date for another municipality's citizen, and says nothing of that record until then", () => {
    const elsewhere = { existingCitizen: { birthDate: '1990-04-05', deceasedOn: '2026-01-01', elsewhere: true } };
    expect(fields({}, elsewhere)).toEqual(['citizen.movedInOn']);
    expect(fields({ citizen: { cpr: '0504909989' } }, elsewhere)).toEqual(['citizen.movedInOn', 'citizen.givenName', 'citizen.familyName']);
    expect(fields({ citizen: { cpr: '0504909989', givenName: 'A', familyName: 'B', movedInOn: '2026-01-01' } }, elsewhere)).toEqual(['citizen.cpr']);
  });
});
