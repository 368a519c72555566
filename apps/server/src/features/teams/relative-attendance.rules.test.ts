import { describe, expect, it } from 'vitest';
import { countAttendance, quotaReached } from './attendance.rules.ts';
import { checkRelativeAttendance } from './relative-attendance.rules.ts';

describe('checkRelativeAttendance', () => {
  it('ticks a held session, and unticks any that is not cancelled', () => {
    expect(checkRelativeAttendance({ sessionDate: '2026-11-17', sessionCancelled: false, today: '2026-11-23', attended: true })).toEqual([]);
    expect(checkRelativeAttendance({ sessionDate: '2026-11-24', sessionCancelled: false, today: '2026-11-23', attended: false })).toEqual([]);
    expect(checkRelativeAttendance({ sessionDate: '2026-11-24', sessionCancelled: false, today: '2026-11-23', attended: true }).map((i) => i.code)).toEqual(['future_date']);
    expect(checkRelativeAttendance({ sessionDate: '2026-11-17', sessionCancelled: true, today: '2026-11-23', attended: true }).map((i) => i.code)).toEqual(['session_cancelled']);
  });
  it('leaves the quota to the citizen’s own marks: a relative’s attendance is not one of them', () => {
    // The quota counts only the citizen's marks; relatives' ticks live in another table, so the count of a citizen with no marks stays 0 of 1.
    const counts = countAttendance([]);
    expect(counts.used).toBe(0);
    expect(quotaReached(counts, 1)).toBe(false);
  });
});
