import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { decideCitizenAccess } from '../citizens/citizen-access.rules.ts';
import { decideCourseAccess } from './course-access.rules.ts';

const staff = (municipalityCode: string, ...roles: StaffActor['roles']): StaffActor => ({
  kind: 'staff',
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'u',
  displayName: 'U',
  municipalityCode,
  roles,
  profession: 'nurse',
});

describe('decideCourseAccess', () => {
  it('lets home contact persons and leads read and write; home therapists only read', () => {
    expect(decideCourseAccess(staff('0159', 'contact_person'), '0159', 'write').allowed).toBe(true);
    expect(decideCourseAccess(staff('0159', 'municipal_lead'), '0159', 'write').allowed).toBe(true);
    expect(decideCourseAccess(staff('0159', 'therapist'), '0159', 'read').allowed).toBe(true);
    expect(decideCourseAccess(staff('0159', 'therapist'), '0159', 'write')).toEqual({ allowed: false, reason: 'role' });
  });
  it('refuses other municipalities, providers included, and aggregate-only roles', () => {
    expect(decideCourseAccess(staff('0173', 'therapist'), '0159', 'read')).toEqual({ allowed: false, reason: 'other_municipality' });
    expect(decideCourseAccess(staff('0159', 'coordinator'), '0159', 'read')).toEqual({ allowed: false, reason: 'aggregates_only' });
    expect(decideCourseAccess({ kind: 'system', name: 'cli' }, '0159', 'read').allowed).toBe(false);
  });
  it('lets a signed-in citizen read their own course, only when the caller names whose it is, and never write it', () => {
    const me = { kind: 'citizen' as const, citizenId: 'c-1' };
    expect(decideCourseAccess(me, '0159', 'read', 'c-1')).toEqual({ allowed: true });
    expect(decideCourseAccess(me, '0159', 'read', 'c-2')).toEqual({ allowed: false, reason: 'not_staff' });
    expect(decideCourseAccess(me, '0159', 'read')).toEqual({ allowed: false, reason: 'not_staff' });
    expect(decideCourseAccess(me, '0159', 'write', 'c-1')).toEqual({ allowed: false, reason: 'not_staff' });
  });
});

describe('the NSIS level of a session through an identity provider', () => {
  const lead = (level: 'low' | 'substantial' | 'high'): StaffActor => ({ ...staff('0159', 'contact_person'), assurance: { level, required: 'substantial' } });
  it('refuses a person below the person-data level, whatever the role, and allows it at or above', () => {
    expect(decideCourseAccess(lead('low'), '0159', 'read')).toEqual({ allowed: false, reason: 'assurance_level' });
    expect(decideCourseAccess(lead('substantial'), '0159', 'read')).toEqual({ allowed: true });
    expect(decideCourseAccess(lead('high'), '0159', 'write')).toEqual({ allowed: true });
    expect(decideCitizenAccess(lead('low'), { homeMunicipalityCode: '0159', referralHomeCodes: [], sharedWithProviderCodes: [] })).toEqual({ allowed: false, reason: 'assurance_level' });
  });
});
