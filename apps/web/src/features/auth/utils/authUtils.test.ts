import { describe, expect, it } from 'vitest';
import type { StaffUser } from '@samkraft/contracts/auth';
import { pickActiveRole } from './activeRole.ts';
import { groupDemoUsers } from './groupDemoUsers.ts';

function aUser(displayName: string, municipality: string, code = '0000'): StaffUser {
  return {
    id: crypto.randomUUID(),
    username: displayName.toLowerCase(),
    displayName,
    municipality: { code, name: municipality },
    roles: ['contact_person'],
    profession: 'nurse',
  };
}

describe('groupDemoUsers', () => {
  it('groups by municipality and sorts the Danish way', () => {
    const groups = groupDemoUsers([
      aUser('Åse', 'Rødovre'),
      aUser('Bo', 'Ballerup'),
      aUser('Ane', 'Rødovre'),
      aUser('Øjvind', 'Rudersdal'),
      aUser('Zenia', 'Rødovre'),
    ]);
    expect(groups.map((g) => g.municipality)).toEqual(['Ballerup', 'Rudersdal', 'Rødovre']);
    expect(groups[2]?.users.map((u) => u.displayName)).toEqual(['Ane', 'Zenia', 'Åse']);
  });

  it('returns no groups for no users', () => {
    expect(groupDemoUsers([])).toEqual([]);
  });
});

describe('pickActiveRole', () => {
  it('keeps a remembered role the user has', () => {
    expect(pickActiveRole(['contact_person', 'municipal_lead'], 'municipal_lead')).toBe('municipal_lead');
  });
  it('falls back to the first role', () => {
    expect(pickActiveRole(['therapist', 'municipal_lead'], 'coordinator')).toBe('therapist');
    expect(pickActiveRole(['therapist'], null)).toBe('therapist');
  });
  it('gives null for a user without roles', () => {
    expect(pickActiveRole([], 'therapist')).toBeNull();
  });
});
