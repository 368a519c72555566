import { describe, expect, it } from 'vitest';
import { citizenCancelDeadline, citizenCancelRefusal, citizenCancelText, type CitizenCancelFacts } from './citizen-cancellation.rules.ts';

describe('citizenCancelDeadline: the cut-off on the Danish wall clock', () => {
  it('24 hours before Tuesday 10:00 is Monday 10:00 (winter time, UTC+1)', () => {
    expect(citizenCancelDeadline(new Date('2026-11-24T09:00:00Z'), 24).toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('across the spring change (29 March 2026) the day before at the same time is 23 real hours', () => {
    // Sunday 29 March 10:00 CEST = 08:00 UTC; Saturday 28 March 10:00 CET = 09:00 UTC.
    const deadline = citizenCancelDeadline(new Date('2026-03-29T08:00:00Z'), 24);
    expect(deadline.toISOString()).toBe('2026-03-28T09:00:00.000Z');
  });

  it('across the autumn change (25 October 2026) it is 25 real hours', () => {
    // Sunday 25 October 10:00 CET = 09:00 UTC; Saturday 24 October 10:00 CEST = 08:00 UTC.
    expect(citizenCancelDeadline(new Date('2026-10-25T09:00:00Z'), 24).toISOString()).toBe('2026-10-24T08:00:00.000Z');
  });

  it('a few hours before, and no cut-off at all', () => {
    expect(citizenCancelDeadline(new Date('2026-11-24T09:00:00Z'), 3).toISOString()).toBe('2026-11-24T06:00:00.000Z');
    expect(citizenCancelDeadline(new Date('2026-11-24T09:00:00Z'), 0).toISOString()).toBe('2026-11-24T09:00:00.000Z');
  });
});

describe('citizenCancelRefusal', () => {
  // Tuesday 24 November 2026 10:00 in Denmark; cut-off 24 hours: until Monday 10:00.
  const base: CitizenCancelFacts = {
    now: new Date('2026-11-23T08:59:00Z'),
    startsAt: new Date('2026-11-24T09:00:00Z'),
    sessionDate: '2026-11-24',
    cutoffHours: 24,
    sessionCancelled: false,
    enrolment: { status: 'enrolled', startOn: '2026-11-02', endedOn: null },
    mark: null,
  };

  it('allows an upcoming session before the cut-off, up to the minute', () => {
    expect(citizenCancelRefusal(base)).toBeNull();
    expect(citizenCancelRefusal({ ...base, now: new Date('2026-11-23T09:00:00Z') })).toBeNull();
  });

  it('refuses after the cut-off, a begun or held session, and one the team cancelled', () => {
    expect(citizenCancelRefusal({ ...base, now: new Date('2026-11-23T09:01:00Z') })).toBe('cutoff_passed');
    expect(citizenCancelRefusal({ ...base, now: new Date('2026-11-24T09:00:00Z') })).toBe('session_past');
    expect(citizenCancelRefusal({ ...base, sessionCancelled: true })).toBe('session_cancelled');
  });

  it('refuses a session already cancelled or marked, and one outside the enrolment', () => {
    expect(citizenCancelRefusal({ ...base, mark: 'cancelled' })).toBe('already_cancelled');
    expect(citizenCancelRefusal({ ...base, mark: 'attended' })).toBe('attendance_recorded');
    expect(citizenCancelRefusal({ ...base, enrolment: { status: 'waiting', startOn: '2026-11-02', endedOn: null } })).toBe('not_enrolled');
    expect(citizenCancelRefusal({ ...base, enrolment: { status: 'enrolled', startOn: '2026-11-25', endedOn: null } })).toBe('not_enrolled');
    expect(citizenCancelRefusal({ ...base, enrolment: { status: 'ended', startOn: '2026-11-02', endedOn: '2026-11-20' } })).toBe('not_enrolled');
  });

  it('keeps the citizen’s own words, else names the reason', () => {
    expect(citizenCancelText('illness', null)).toBe('Sygdom');
    expect(citizenCancelText('treatment', '  ')).toBe('Behandling');
    expect(citizenCancelText('other', 'Barnebarnets dåb')).toBe('Barnebarnets dåb');
  });
});
