import { describe, expect, it } from 'vitest';
import { checkCpr, normaliseCpr } from './checkCpr.ts';
import { intakeFieldOrder, isIntakeField, openCourseIdFrom } from './fieldErrors.ts';
import { emptyReferralForm, toReferralBody } from './referralForm.ts';

describe('checkCpr (same rules as the server)', () => {
  it('reads birth date, century from digit 7 and sex; never modulus 11', () => {
    expect(checkCpr('020160-9995')).toEqual({ ok: true, value: '0201609995', birthDate: '1960-01-02', sex: 'M', centuryAssumed: false });
    expect(checkCpr('0101364000')).toMatchObject({ ok: true, birthDate: '2036-01-01' });
    expect(checkCpr('0101374000')).toMatchObject({ ok: true, birthDate: '1937-01-01' });
    expect(checkCpr('0101585000')).toMatchObject({ ok: true, birthDate: '1858-01-01' });
    expect(checkCpr('0504909989')).toMatchObject({ ok: true, birthDate: '1990-04-05', sex: 'M' });
  });
  it('accepts replacement CPRs with letters', () => {
    expect(checkCpr('0703921vj4')).toMatchObject({ ok: true, value: '0703921VJ4', birthDate: '1992-03-07', sex: 'F' });
    expect(checkCpr('010120ABCD')).toMatchObject({ ok: true, sex: null, centuryAssumed: true });
  });
  it('names what is wrong', () => {
    expect(checkCpr(' ')).toEqual({ ok: false, code: 'empty' });
    expect(checkCpr('12345')).toEqual({ ok: false, code: 'format' });
    expect(checkCpr('0113601234')).toEqual({ ok: false, code: 'invalid_month' });
    expect(checkCpr('3104601234')).toEqual({ ok: false, code: 'invalid_day' });
    expect(checkCpr('2902000000')).toEqual({ ok: false, code: 'not_leap_year', year: 1900 });
    expect(checkCpr('2902004000')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
  });
  it('normalises DDMMYY-SSSS', () => {
    expect(normaliseCpr('020160 9995')).toBe('0201609995');
    expect(normaliseCpr('02-01-60')).toBeNull();
  });
});

describe('field errors', () => {
  it('finds the open course id of a duplicate', () => {
    const id = '3f0e7c1a-1b2c-4d5e-8f90-123456789abc';
    expect(openCourseIdFrom([{ field: 'allowDuplicate', code: 'open_course', message: `open course ${id}`, params: { courseId: id } }])).toBe(id);
    expect(openCourseIdFrom([])).toBeNull();
  });
  it('knows the intake fields by path, in the order of the form', () => {
    expect(isIntakeField('citizen.givenName')).toBe(true);
    expect(isIntakeField('toString')).toBe(false);
    expect(intakeFieldOrder.indexOf('citizen.familyName')).toBeLessThan(intakeFieldOrder.indexOf('legalBasis'));
  });
});

describe('toReferralBody', () => {
  it('leaves out empty fields, derives nothing itself except dropping a GOP legal basis', () => {
    const f = { ...emptyReferralForm('2026-11-22'), cpr: ' 050490-9989 ', givenName: 'Rasmus Test', source: 'hospital_gop' as const, legalBasis: 'SUL119' as const, targetGroup: 'in_group' as const, targetGroupReasons: ['other' as const] };
    const b = JSON.parse(JSON.stringify(toReferralBody(f, false)));
    expect(b.citizen).toEqual({ cpr: '050490-9989', givenName: 'Rasmus Test' });
    expect(b.legalBasis).toBeUndefined();
    expect(b.targetGroupReasons).toBeUndefined();
    expect(b.allowDuplicate).toBeUndefined();
    expect(toReferralBody(f, true).allowDuplicate).toBe(true);
  });
  it('sends an empty form with nothing but the empty CPR, so the server names every required field (issue 10.18)', () => {
    const b = JSON.parse(JSON.stringify(toReferralBody({ ...emptyReferralForm('2026-11-22'), receivedOn: '' }, false)));
    expect(b).toEqual({ citizen: { cpr: '' } });
  });
});
