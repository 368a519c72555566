import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { AuditReviewRecord } from './audit-review.repository.ts';
import { alertPeriodProblem, alertReasons, canReviewAudit, danishWallClock, DEFAULT_THRESHOLDS, eventKindOf, flagUnusualReads, isOutsideWorkingHours, toAuditReviewEvent } from './audit-review.rules.ts';
import { retentionCutoff } from './audit-retention.service.ts';

const staff = (roles: StaffActor['roles']): StaffActor => ({ kind: 'staff', userId: 'u1', username: 'u', displayName: 'U', municipalityCode: '0159', roles, profession: 'nurse' });
const holidays = new Set(['2026-12-25', '2026-12-26', '2027-01-01']);
const hours = { startHour: 7, endHour: 18 };

describe('who reviews the audit log', () => {
  it('is the auditor only: not the coordinator, the administrator, a lead, a citizen or the system', () => {
    expect(canReviewAudit(staff(['auditor']))).toBe(true);
    expect(canReviewAudit(staff(['contact_person', 'auditor']))).toBe(true);
    for (const role of ['contact_person', 'therapist', 'municipal_lead', 'coordinator', 'administrator'] as const) expect(canReviewAudit(staff([role])), role).toBe(false);
    expect(canReviewAudit({ kind: 'citizen', citizenId: 'c' })).toBe(false);
    expect(canReviewAudit({ kind: 'system', name: 'x' })).toBe(false);
  });
});

describe('working hours on the Danish wall clock', () => {
  const clock = fixedClock('2026-11-03T09:00:00Z'); // a Tuesday, 10:00 in Copenhagen
  it('reads the instant in Copenhagen, winter and summer time', () => {
    expect(danishWallClock(clock.now())).toEqual({ date: '2026-11-03', hour: 10, isoWeekday: 2 });
    expect(danishWallClock(new Date('2026-07-01T22:30:00Z'))).toEqual({ date: '2026-07-02', hour: 0, isoWeekday: 4 });
  });
  it('is outside before 07 and from 18 on, at weekends and on public holidays', () => {
    expect(isOutsideWorkingHours(clock.now(), holidays, hours)).toBe(false);
    expect(isOutsideWorkingHours(new Date('2026-11-03T05:59:59Z'), holidays, hours)).toBe(true); // 06:59
    expect(isOutsideWorkingHours(new Date('2026-11-03T06:00:00Z'), holidays, hours)).toBe(false); // 07:00
    expect(isOutsideWorkingHours(new Date('2026-11-03T16:59:59Z'), holidays, hours)).toBe(false); // 17:59
    expect(isOutsideWorkingHours(new Date('2026-11-03T17:00:00Z'), holidays, hours)).toBe(true); // 18:00
    expect(isOutsideWorkingHours(new Date('2026-06-02T04:30:00Z'), holidays, hours)).toBe(true); // 06:30 summer time
    expect(isOutsideWorkingHours(new Date('2026-11-07T10:00:00Z'), holidays, hours)).toBe(true); // Saturday
    expect(isOutsideWorkingHours(new Date('2026-11-08T10:00:00Z'), holidays, hours)).toBe(true); // Sunday
    expect(isOutsideWorkingHours(new Date('2026-12-25T10:00:00Z'), holidays, hours)).toBe(true); // Christmas Day, a Friday
    expect(isOutsideWorkingHours(new Date('2026-12-31T23:30:00Z'), holidays, hours)).toBe(true); // New Year's Day in Denmark
  });
  it('follows configured hours', () => {
    expect(isOutsideWorkingHours(new Date('2026-11-03T05:30:00Z'), holidays, { startHour: 6, endHour: 20 })).toBe(false);
  });
});

describe('unusual reads', () => {
  const t = { ...DEFAULT_THRESHOLDS, minCitizens: 10, maxOwnPercent: 50, minOutsideHours: 2 };
  it('flags many citizens of whom few are the user’s own, at the thresholds inclusive', () => {
    expect(alertReasons({ userId: 'a', reads: 30, citizens: 10, ownCitizens: 5, outsideHours: 0 }, t)).toEqual(['many_not_own']);
    expect(alertReasons({ userId: 'a', reads: 30, citizens: 10, ownCitizens: 6, outsideHours: 0 }, t)).toEqual([]);
    expect(alertReasons({ userId: 'a', reads: 30, citizens: 9, ownCitizens: 0, outsideHours: 0 }, t)).toEqual([]);
    expect(alertReasons({ userId: 'a', reads: 30, citizens: 3, ownCitizens: 3, outsideHours: 2 }, t)).toEqual(['outside_hours']);
  });
  it('lists the flagged users, the most citizens not their own first', () => {
    const flagged = flagUnusualReads(
      [
        { userId: 'ok', reads: 5, citizens: 5, ownCitizens: 5, outsideHours: 0 },
        { userId: 'night', reads: 3, citizens: 1, ownCitizens: 1, outsideHours: 3 },
        { userId: 'wide', reads: 40, citizens: 40, ownCitizens: 2, outsideHours: 0 },
      ],
      t,
    );
    expect(flagged.map((f) => [f.userId, f.reasons])).toEqual([
      ['wide', ['many_not_own']],
      ['night', ['outside_hours']],
    ]);
  });
  it('reads a bounded period only', () => {
    expect(alertPeriodProblem('2026-11-01', '2026-11-30')).toBeNull();
    expect(alertPeriodProblem('2026-11-02', '2026-11-01')).toMatch(/ends before/);
    // A year, a leap year too, but not a day more.
    expect(alertPeriodProblem('2026-01-01', '2026-12-31')).toBeNull();
    expect(alertPeriodProblem('2028-01-01', '2028-12-31')).toBeNull();
    expect(alertPeriodProblem('2026-01-01', '2027-01-01')).toBeNull();
    expect(alertPeriodProblem('2026-01-01', '2027-01-02')).toMatch(/367 days; the alerts read at most 366/);
  });
});

describe('an event in words', () => {
  const record: AuditReviewRecord = {
    id: '7', at: new Date('2026-11-03T09:00:00Z'), atMicros: '1', action: 'course.read', entityType: 'course', entityId: 'k1', purpose: null, outcome: 'allowed',
    actorUserId: 'u1', actorCitizenId: null, actorLabel: 'karen', actorName: 'Karen Kontakt', actorMunicipalityCode: '0159', actorMunicipalityName: 'Gladsaxe',
    actorRoles: ['contact_person'], citizenId: 'c1', citizenName: 'Einer Test Lauridsen',
  };
  it('reuses the access log’s words for a read, and names a change by its action', () => {
    expect(toAuditReviewEvent(record)).toMatchObject({ kind: 'read', what: { da: 'dit forløb' }, why: { da: 'behandling af dit forløb' }, who: { name: 'Karen Kontakt', username: 'karen', roles: [{ da: 'kontaktperson' }] } });
    expect(toAuditReviewEvent({ ...record, action: 'course.close' }).what.da).toBe('ændring: course.close');
    expect(eventKindOf('auth.sign_in')).toBe('no_citizen');
    expect(eventKindOf('audit_review.read')).toBe('read');
    expect(toAuditReviewEvent({ ...record, actorUserId: null, actorLabel: 'system:messaging', actorMunicipalityCode: null })).toMatchObject({ who: { kind: 'system', name: null, label: 'system:messaging' } });
  });
});

describe('retention', () => {
  it('cuts off whole months back from now', () => {
    expect(retentionCutoff(new Date('2026-12-06T06:00:00Z'), 60).toISOString()).toBe('2021-12-06T06:00:00.000Z');
  });
});
