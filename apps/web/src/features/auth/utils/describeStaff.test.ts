import { describe, expect, it } from 'vitest';
import { describeStaff } from './describeStaff.ts';

describe('describeStaff', () => {
  it('joins name, roles and profession', () => {
    const text = describeStaff(
      {
        id: '00000000-0000-4000-8000-000000000001',
        username: 'anne',
        displayName: 'Anne Holm',
        municipality: { code: '0163', name: 'Herlev' },
        roles: ['contact_person', 'municipal_lead'],
        profession: 'nurse',
      },
      { role: (r) => r.toUpperCase(), profession: (p) => `<${p}>` },
    );
    expect(text).toBe('Anne Holm – CONTACT_PERSON, MUNICIPAL_LEAD · <nurse>');
  });
});
