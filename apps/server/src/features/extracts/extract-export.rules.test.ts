import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { decideExportAccess, exportKey, pseudonymiseRecords } from './extract-export.rules.ts';
import type { ReferralRecord } from './extract-format.rules.ts';

const staff = (...roles: StaffActor['roles']): StaffActor => ({ kind: 'staff', userId: 'u', username: 'u', displayName: 'U', municipalityCode: '0159', roles, profession: 'nurse' });

describe('decideExportAccess', () => {
  it("gives a municipality's person-level records only to its lead and administrators, and only its own", () => {
    expect(decideExportAccess(staff('administrator'), 'municipality')).toEqual({ allowed: true, homeMunicipalityCode: '0159', pseudonymise: false });
    expect(decideExportAccess(staff('municipal_lead'), 'municipality')).toEqual({ allowed: true, homeMunicipalityCode: '0159', pseudonymise: false });
    for (const role of ['contact_person', 'therapist', 'coordinator'] as const) expect(decideExportAccess(staff(role), 'municipality').allowed, role).toBe(false);
  });
  it("gives the collaboration's records only pseudonymised, to coordinators and administrators", () => {
    expect(decideExportAccess(staff('coordinator'), 'collaboration')).toEqual({ allowed: true, homeMunicipalityCode: null, pseudonymise: true });
    expect(decideExportAccess(staff('administrator'), 'collaboration')).toMatchObject({ allowed: true, pseudonymise: true });
    expect(decideExportAccess(staff('municipal_lead'), 'collaboration').allowed).toBe(false);
    expect(decideExportAccess({ kind: 'system', name: 'extract-cli' }, 'collaboration')).toMatchObject({ allowed: true, pseudonymise: true });
  });
});

describe('pseudonymiseRecords', () => {
  const record = (referralId: string, cpr: string): ReferralRecord => ({
    referralId, homeMunicipality: '0159', citizen: { kind: 'cpr', value: cpr }, sex: 'F', birthDate: '1960-01-02', received: '2025-01-06', source: 'gp', legalBasis: null, diagnosis: null,
    firstContact: null, needsAssessed: null, actionPlan: null, declined: null, declineReason: null, closingConversation: null, closingNoteSent: null, interventions: [],
  });
  const secret = '00'.repeat(32);
  it('keeps one pseudonym per citizen within a key, and none across keys', () => {
    const key = exportKey(secret, 'anna', '2026-11-22', 'kontrol');
    const [a, b, c] = pseudonymiseRecords([record('GLA-1', '0201609996'), record('GLA-2', '0201609996'), record('GLA-3', '0504909989')], key);
    expect(a!.citizen.value).toBe(b!.citizen.value);
    expect(a!.citizen.value).not.toBe(c!.citizen.value);
    expect(a!.citizen.value).toMatch(/^P-[0-9A-F]{20}$/);
    expect(a!.referralId).toMatch(/^R-[0-9A-F]{20}$/);
    expect(JSON.stringify([a, b, c])).not.toMatch(/GLA-|0201609996|0504909989/);
    const [other] = pseudonymiseRecords([record('GLA-1', '0201609996')], exportKey(secret, 'anna', '2026-11-23', 'kontrol'));
    expect(other!.citizen.value).not.toBe(a!.citizen.value);
    const [same] = pseudonymiseRecords([record('GLA-1', '0201609996')], exportKey(secret, 'anna', '2026-11-22', 'kontrol'));
    expect(same).toEqual(a);
  });
});
