import { describe, expect, it } from 'vitest';
import { admissionFor, checkEndDate, cohortStarted, cohortStartOn, nextStartOn, referralEndReason, seatsToFill, type SessionFact } from './admission.rules.ts';

const s = (date: string, o: Partial<SessionFact> = {}): SessionFact => ({ date, startsAt: new Date(`${date}T09:00:00Z`), kind: 'regular', cancelled: false, ...o });
const sessions = [s('2026-11-17'), s('2026-11-19'), s('2026-11-24', { cancelled: true }), s('2026-11-26'), s('2027-01-21', { kind: 'follow_up' })];

describe('admission rules', () => {
  it('admits while a seat is free, then waits; a started cohort always waits', () => {
    expect(admissionFor({ mode: 'rolling', started: false, enrolled: 11, capacity: 12 })).toBe('enrolled');
    expect(admissionFor({ mode: 'rolling', started: false, enrolled: 12, capacity: 12 })).toBe('waiting');
    expect(admissionFor({ mode: 'cohort', started: false, enrolled: 3, capacity: 12 })).toBe('enrolled');
    expect(admissionFor({ mode: 'cohort', started: true, enrolled: 3, capacity: 12 })).toBe('waiting');
  });

  it('fills only the free seats, at most the waiting list, and none in a started cohort', () => {
    expect(seatsToFill({ mode: 'rolling', started: false, enrolled: 10, capacity: 12 }, 5)).toBe(2);
    expect(seatsToFill({ mode: 'rolling', started: false, enrolled: 10, capacity: 12 }, 1)).toBe(1);
    expect(seatsToFill({ mode: 'rolling', started: false, enrolled: 12, capacity: 10 }, 4)).toBe(0);
    expect(seatsToFill({ mode: 'cohort', started: true, enrolled: 2, capacity: 12 }, 4)).toBe(0);
  });

  it('starts a citizen admitted today at the next held session on or after today', () => {
    expect(nextStartOn(sessions, '2026-11-19', '2026-11-02')).toBe('2026-11-19');
    expect(nextStartOn(sessions, '2026-11-20', '2026-11-02')).toBe('2026-11-26');
    // No regular session planned after today: today itself, never before the team's first day.
    expect(nextStartOn(sessions, '2026-12-01', '2026-11-02')).toBe('2026-12-01');
    expect(nextStartOn([], '2026-10-01', '2026-11-02')).toBe('2026-11-02');
  });

  it("starts a cohort at its first held session and closes it when that session begins", () => {
    const cohort = [s('2027-03-02', { cancelled: true }), s('2027-03-09'), s('2027-03-16')];
    expect(cohortStartOn(cohort, '2027-03-01')).toBe('2027-03-09');
    expect(cohortStartOn([], '2027-03-01')).toBe('2027-03-01');
    expect(cohortStarted(cohort, '2027-03-01', new Date('2027-03-09T08:59:00Z'), '2027-03-09')).toBe(false);
    expect(cohortStarted(cohort, '2027-03-01', new Date('2027-03-09T09:00:00Z'), '2027-03-09')).toBe(true);
    expect(cohortStarted([], '2027-03-01', new Date('2027-03-01T12:00:00Z'), '2027-03-01')).toBe(false);
    expect(cohortStarted([], '2027-03-01', new Date('2027-03-02T12:00:00Z'), '2027-03-02')).toBe(true);
  });

  it('ends the referral as completed when the quota is reached, else with the same reason', () => {
    expect(referralEndReason('quota_reached')).toBe('completed');
    expect(referralEndReason('health_worsened')).toBe('health_worsened');
    expect(referralEndReason('died')).toBe('died');
  });

  it('refuses an end before the start or before a session already used', () => {
    expect(checkEndDate('2026-11-20', '2026-11-10', '2026-11-19')).toEqual([]);
    expect(checkEndDate('2026-11-09', '2026-11-10', null)[0]).toMatchObject({ field: 'endedOn', code: 'before_start' });
    expect(checkEndDate('2026-11-18', '2026-11-10', '2026-11-19')[0]).toMatchObject({ field: 'endedOn', code: 'before_attendance' });
    expect(checkEndDate('2026-11-18', null, null)).toEqual([]);
  });
});
