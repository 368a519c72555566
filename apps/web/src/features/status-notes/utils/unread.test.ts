import { describe, expect, it } from 'vitest';
import { unreadForRole } from './unread.ts';

describe('unreadForRole', () => {
  it('gives a contact person their own courses, a lead the municipality, the rest nothing', () => {
    const counts = { all: 7, mine: 2 };
    expect(unreadForRole('contact_person', counts)).toBe(2);
    expect(unreadForRole('municipal_lead', counts)).toBe(7);
    expect(unreadForRole('therapist', counts)).toBe(0);
    expect(unreadForRole(null, counts)).toBe(0);
    expect(unreadForRole('contact_person', undefined)).toBe(0);
  });
});
