import { describe, expect, it } from 'vitest';
import { addDays, checkHeld, checkSchedule, FOLLOW_UP_INTERVAL_DAYS, suggestNextFollowUp } from './follow-up.rules.ts';

describe('the next follow-up', () => {
  it('comes closer for a vulnerable citizen', () => {
    expect(FOLLOW_UP_INTERVAL_DAYS.vulnerable).toBeLessThan(FOLLOW_UP_INTERVAL_DAYS.standard);
    const heldOn = ['2026-11-01', null, '2026-11-15'];
    expect(suggestNextFollowUp({ vulnerable: false, heldOn, today: '2026-11-20' })).toEqual({ intervalDays: 28, suggestedOn: '2026-12-13', basis: 'last_held' });
    expect(suggestNextFollowUp({ vulnerable: true, heldOn, today: '2026-11-20' })).toEqual({ intervalDays: 14, suggestedOn: '2026-11-29', basis: 'last_held' });
  });
  it('counts from today when none was held, and is never in the past', () => {
    expect(suggestNextFollowUp({ vulnerable: true, heldOn: [], today: '2026-12-25' })).toEqual({ intervalDays: 14, suggestedOn: '2027-01-08', basis: 'today' });
    expect(suggestNextFollowUp({ vulnerable: false, heldOn: ['2026-01-01'], today: '2026-11-20' }).suggestedOn).toBe('2026-11-20');
  });
  it('adds days across a month and a year', () => expect(addDays('2026-12-20', 14)).toBe('2027-01-03'));
  it('refuses a planned date in the past and a held date in the future', () => {
    expect(checkSchedule({ plannedOn: '2026-11-19', today: '2026-11-20' })[0]?.field).toBe('plannedOn');
    expect(checkHeld({ heldOn: '2026-11-21', today: '2026-11-20' })[0]?.field).toBe('heldOn');
    expect(checkHeld({ heldOn: '2026-11-20', today: '2026-11-20' })).toEqual([]);
  });
});
