import { describe, expect, it } from 'vitest';
import { checkAttendance, countAttendance, onSession, quotaReached, sessionNumber, type AttendanceFacts } from './attendance.rules.ts';

const facts = (o: Partial<AttendanceFacts> = {}): AttendanceFacts => ({
  sessionDate: '2026-11-19',
  sessionCancelled: false,
  today: '2026-11-23',
  enrolment: { status: 'enrolled', startOn: '2026-11-03' },
  status: 'attended',
  cancelReason: null,
  ...o,
});

describe('attendance rules', () => {
  it('counts attended and no-show against the quota, not cancellations', () => {
    expect(countAttendance(['attended', 'attended', 'cancelled', 'no_show'])).toEqual({ attended: 2, cancelled: 1, noShow: 1, used: 3 });
  });

  it('ends the enrolment when the quota is used', () => {
    expect(quotaReached(countAttendance(Array(28).fill('attended')), 29)).toBe(false);
    expect(quotaReached(countAttendance([...Array(28).fill('attended'), 'no_show']), 29)).toBe(true);
    expect(quotaReached(countAttendance([...Array(28).fill('attended'), 'cancelled']), 29)).toBe(false);
  });

  it('accepts a mark on a held session of an enrolled citizen', () => {
    expect(checkAttendance(facts())).toEqual([]);
  });

  it('needs a reason for a cancellation, and takes it in advance', () => {
    expect(checkAttendance(facts({ status: 'cancelled' }))[0]?.code).toBe('reason_required');
    expect(checkAttendance(facts({ status: 'cancelled', cancelReason: 'Indlagt', sessionDate: '2026-11-30' }))).toEqual([]);
  });

  it('refuses attended or no-show before the day', () => {
    expect(checkAttendance(facts({ sessionDate: '2026-11-24' }))[0]?.code).toBe('future_date');
    expect(checkAttendance(facts({ status: 'no_show', sessionDate: '2026-11-24' }))[0]?.code).toBe('future_date');
  });

  it('refuses the waiting list, an ended enrolment, a session before the start and a cancelled session', () => {
    expect(checkAttendance(facts({ enrolment: { status: 'waiting', startOn: null } }))[0]?.code).toBe('not_enrolled');
    expect(checkAttendance(facts({ enrolment: { status: 'ended', startOn: '2026-11-03' } }))[0]?.code).toBe('not_enrolled');
    expect(checkAttendance(facts({ sessionDate: '2026-11-02' }))[0]?.code).toBe('before_start');
    expect(checkAttendance(facts({ sessionCancelled: true }))[0]?.code).toBe('session_cancelled');
  });

  it('numbers the session in the citizen\'s quota: used before plus one, none for an afbud or a cancelled session', () => {
    expect(sessionNumber(11, null, false)).toBe(12);
    expect(sessionNumber(11, 'attended', false)).toBe(12);
    expect(sessionNumber(11, 'no_show', false)).toBe(12);
    expect(sessionNumber(11, 'cancelled', false)).toBeNull();
    expect(sessionNumber(11, null, true)).toBeNull();
  });

  it("lists those enrolled on the session's day, and anyone already marked", () => {
    const e = { status: 'enrolled' as const, startOn: '2026-11-10', endedOn: null };
    expect(onSession(e, '2026-11-10', false)).toBe(true);
    expect(onSession(e, '2026-11-09', false)).toBe(false);
    expect(onSession({ status: 'ended', startOn: '2026-11-10', endedOn: '2026-11-17' }, '2026-11-19', false)).toBe(false);
    expect(onSession({ status: 'ended', startOn: '2026-11-10', endedOn: '2026-11-17' }, '2026-11-17', false)).toBe(true);
    expect(onSession({ status: 'waiting', startOn: null, endedOn: null }, '2026-11-17', false)).toBe(false);
    expect(onSession({ status: 'ended', startOn: '2026-11-10', endedOn: '2026-11-12' }, '2026-11-19', true)).toBe(true);
  });
});
