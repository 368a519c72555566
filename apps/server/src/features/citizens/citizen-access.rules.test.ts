import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { decideCitizenAccess, type CitizenAccessFacts } from './citizen-access.rules.ts';

const staff = (municipalityCode: string, ...roles: StaffActor['roles']): StaffActor => ({
  kind: 'staff',
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'u',
  displayName: 'U',
  municipalityCode,
  roles,
  profession: 'nurse',
});

const gladsaxeCitizen: CitizenAccessFacts = { homeMunicipalityCode: '0159', referralHomeCodes: ['0159'], sharedWithProviderCodes: ['0173'] };

describe('decideCitizenAccess', () => {
  it('lets the home municipality see its citizen', () => {
    expect(decideCitizenAccess(staff('0159', 'contact_person'), gladsaxeCitizen)).toEqual({ allowed: true, scope: 'home' });
  });
  it('lets a providing municipality see a citizen shared with it, as provider', () => {
    expect(decideCitizenAccess(staff('0173', 'therapist'), gladsaxeCitizen)).toEqual({ allowed: true, scope: 'provider' });
  });
  it('refuses another municipality', () => {
    expect(decideCitizenAccess(staff('0151', 'contact_person', 'therapist'), gladsaxeCitizen)).toEqual({ allowed: false, reason: 'other_municipality' });
  });
  it('refuses a contact person of the providing municipality (providers act through therapists and leads)', () => {
    expect(decideCitizenAccess(staff('0173', 'contact_person'), gladsaxeCitizen).allowed).toBe(false);
  });
  it('gives coordinators and administrators aggregates only, even in the home municipality', () => {
    expect(decideCitizenAccess(staff('0159', 'coordinator'), gladsaxeCitizen)).toEqual({ allowed: false, reason: 'aggregates_only' });
    expect(decideCitizenAccess(staff('0159', 'administrator'), gladsaxeCitizen)).toEqual({ allowed: false, reason: 'aggregates_only' });
  });
  it('keeps access for the municipality that received the referral after the citizen moved', () => {
    const moved = { ...gladsaxeCitizen, homeMunicipalityCode: '0163' };
    expect(decideCitizenAccess(staff('0159', 'contact_person'), moved).allowed).toBe(true);
  });
  it('refuses a system actor person-level access', () => {
    expect(decideCitizenAccess({ kind: 'system', name: 'cli' }, gladsaxeCitizen).allowed).toBe(false);
  });
  it('lets a signed-in citizen see their own record, only when the caller names whose it is', () => {
    const me = { kind: 'citizen' as const, citizenId: 'c-1' };
    expect(decideCitizenAccess(me, gladsaxeCitizen, 'c-1')).toEqual({ allowed: true, scope: 'home' });
    expect(decideCitizenAccess(me, gladsaxeCitizen, 'c-2')).toEqual({ allowed: false, reason: 'not_staff' });
    expect(decideCitizenAccess(me, gladsaxeCitizen)).toEqual({ allowed: false, reason: 'not_staff' });
  });
});
