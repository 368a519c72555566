import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { decideAssignment } from './course-assignment.rules.ts';
import { ageOn, visibleAddress } from './course-overview.rules.ts';
import { checkContact } from './course-contact.rules.ts';

const actor = (userId: string, ...roles: StaffActor['roles']): StaffActor => ({ kind: 'staff', userId, username: 'u', displayName: 'U', municipalityCode: '0159', roles, profession: 'nurse' });
const assignee = (id: string) => ({ id, municipalityCode: '0159', isContactPerson: true, active: true });
const open = (current: string | null) => ({ homeMunicipalityCode: '0159', closedOn: null, currentStaffUserId: current });

describe('decideAssignment', () => {
  it('lets a contact person take an unassigned course themself, nothing more', () => {
    expect(decideAssignment(actor('a', 'contact_person'), open(null), assignee('a'))).toEqual({ kind: 'assign' });
    expect(decideAssignment(actor('a', 'contact_person'), open(null), assignee('b'))).toMatchObject({ kind: 'refused', reason: 'only_self' });
    expect(decideAssignment(actor('a', 'contact_person'), open('b'), assignee('a'))).toMatchObject({ kind: 'refused', reason: 'not_lead' });
  });
  it('lets a lead assign and reassign; same person is unchanged; closed courses refuse', () => {
    expect(decideAssignment(actor('l', 'municipal_lead'), open('a'), assignee('b'))).toEqual({ kind: 'reassign' });
    expect(decideAssignment(actor('l', 'municipal_lead'), open('a'), assignee('a'))).toEqual({ kind: 'unchanged' });
    expect(decideAssignment(actor('l', 'municipal_lead'), { ...open(null), closedOn: '2026-11-01' }, assignee('a'))).toMatchObject({ kind: 'refused', reason: 'closed' });
  });
  it('wants an active contact person of the home municipality', () => {
    for (const bad of [{ ...assignee('b'), municipalityCode: '0151' }, { ...assignee('b'), isContactPerson: false }, { ...assignee('b'), active: false }, null]) {
      expect(decideAssignment(actor('l', 'municipal_lead'), open(null), bad)).toMatchObject({ kind: 'invalid', issues: [{ field: 'staffUserId' }] });
    }
  });
});

describe('course overview rules', () => {
  it('counts full years and hides a protected address', () => {
    expect(ageOn('1960-05-17', '2026-05-16')).toBe(65);
    expect(ageOn('1960-05-17', '2026-05-17')).toBe(66);
    expect(visibleAddress({ protected: true, addressLine: 'Testvej 1', postalCode: '2860', city: 'Søborg' })).toBeNull();
    expect(visibleAddress({ protected: false, addressLine: 'Testvej 1', postalCode: '2860', city: 'Søborg' })).toBe('Testvej 1, 2860 Søborg');
  });
  it('checks a contact against receipt and today', () => {
    const f = { today: '2026-11-22', receivedOn: '2026-11-16' };
    expect(checkContact({ contactedOn: '2026-11-18', reached: true, agreedAssessmentAt: '2026-11-25T09:00:00Z' }, f)).toEqual([]);
    expect(checkContact({ contactedOn: '2026-11-23', reached: true }, f).map((i) => i.field)).toEqual(['contactedOn']);
    expect(checkContact({ contactedOn: '2026-11-15', reached: true }, f).map((i) => i.field)).toEqual(['contactedOn']);
    expect(checkContact({ contactedOn: '2026-11-18', reached: true, agreedAssessmentAt: '2026-11-17T09:00:00Z' }, f).map((i) => i.field)).toEqual(['agreedAssessmentAt']);
  });
});
