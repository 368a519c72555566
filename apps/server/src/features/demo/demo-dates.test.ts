import { describe, expect, it } from 'vitest';
import { addDays, addWeekdays, copenhagenInstant, isoWeekday, nextOnWeekdays, weekdayOnOrBefore } from './demo-dates.ts';
import { DEMO_TEAMS, sessionDates } from './demo-teams.ts';

describe('demo dates', () => {
  it('adds days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
  it('counts weekdays, skipping weekends', () => {
    expect(isoWeekday('2025-11-24')).toBe(1);
    expect(addWeekdays('2025-11-21', 1)).toBe('2025-11-24'); // Friday → Monday
    expect(addWeekdays('2025-11-24', -1)).toBe('2025-11-21');
    expect(weekdayOnOrBefore('2025-11-23')).toBe('2025-11-21');
    expect(nextOnWeekdays('2025-11-22', [2, 4])).toBe('2025-11-25');
  });
  it('books sessions in Copenhagen time across daylight saving', () => {
    expect(copenhagenInstant('2025-01-15', '10:00').toISOString()).toBe('2025-01-15T09:00:00.000Z');
    expect(copenhagenInstant('2025-07-15', '10:00').toISOString()).toBe('2025-07-15T08:00:00.000Z');
  });
});

describe('team sessions', () => {
  it('never fall on a weekend and follow the schedule', () => {
    for (const team of DEMO_TEAMS) {
      const { dates } = sessionDates(team, '2025-11-26');
      expect(dates.length).toBeGreaterThan(0);
      for (const d of dates) {
        expect(isoWeekday(d)).toBeLessThan(6);
        expect(team.weekdays).toContain(isoWeekday(d));
      }
    }
  });
  it('gives Livskraft six weekly sessions and a follow-up eight weeks later', () => {
    const livskraft = DEMO_TEAMS.find((t) => t.interventionCode === 'livskraft');
    if (!livskraft) throw new Error('no Livskraft team');
    const { dates, endsOn } = sessionDates(livskraft, '2025-11-26');
    expect(dates).toHaveLength(7);
    expect(addDays(dates[5] ?? '', 56)).toBe(dates[6]);
    expect(endsOn).toBe(dates[6]);
  });
});
