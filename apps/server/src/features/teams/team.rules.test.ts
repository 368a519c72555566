import { describe, expect, it } from 'vitest';
import { createCalendar, defaultCalendar } from '../calendar/calendar.rules.ts';
import { checkEnrolmentStart, checkGenerateRange, checkTeamInput, copenhagenInstant, defaultQuota, mayRunTeams, planCohortSessions, planSessions } from './team.rules.ts';

const staff = (municipalityCode: string, roles: ('therapist' | 'municipal_lead' | 'contact_person' | 'coordinator')[]) =>
  ({ kind: 'staff', userId: 'u', username: 'u', displayName: 'U', municipalityCode, roles, profession: 'physiotherapist' }) as const;

const tueThu = [
  { weekday: 2, startTime: '10:00', durationMinutes: 60, room: null },
  { weekday: 4, startTime: '10:00', durationMinutes: 60, room: null },
];

describe('planSessions', () => {
  it('skips the Easter holidays (Maundy Thursday 25 March 2027) and keeps the weeks around them', () => {
    const { sessions, skipped } = planSessions(tueThu, { from: '2027-03-15', to: '2027-04-02' }, { startsOn: '2027-01-01', endsOn: null }, defaultCalendar);
    expect(sessions.map((s) => s.date)).toEqual(['2027-03-16', '2027-03-18', '2027-03-23', '2027-03-30', '2027-04-01']);
    expect(skipped).toEqual([{ date: '2027-03-25', reason: 'public_holiday', label: 'Skærtorsdag' }]);
  });

  it('skips Easter Monday and Good Friday for a Monday/Friday team', () => {
    const monFri = [
      { weekday: 1, startTime: '09:00', durationMinutes: 60, room: 'Sal' },
      { weekday: 5, startTime: '09:00', durationMinutes: 60, room: 'Sal' },
    ];
    const { sessions, skipped } = planSessions(monFri, { from: '2027-03-22', to: '2027-04-02' }, { startsOn: '2027-01-01', endsOn: null }, defaultCalendar);
    expect(sessions.map((s) => s.date)).toEqual(['2027-03-22', '2027-04-02']);
    expect(skipped.map((s) => [s.date, s.reason])).toEqual([
      ['2027-03-26', 'public_holiday'],
      ['2027-03-29', 'public_holiday'],
    ]);
  });

  it('skips Christmas: 24 and 31 December are closing days, 25 and 26 December public holidays', () => {
    const everyDay = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '13:00', durationMinutes: 60, room: null }));
    const { sessions, skipped } = planSessions(everyDay, { from: '2027-12-20', to: '2028-01-03' }, { startsOn: '2027-01-01', endsOn: null }, defaultCalendar);
    expect(sessions.map((s) => s.date)).toEqual(['2027-12-20', '2027-12-21', '2027-12-22', '2027-12-23', '2027-12-27', '2027-12-28', '2027-12-29', '2027-12-30', '2028-01-03']);
    expect(skipped.map((s) => [s.date, s.reason])).toEqual([
      ['2027-12-24', 'closing_day'],
      ['2027-12-31', 'closing_day'],
    ]);
  });

  it("skips the host municipality's own closing days and stays inside the team's period", () => {
    const calendar = createCalendar([{ date: '2026-11-26', label: 'Personaledag' }]);
    const { sessions, skipped } = planSessions(tueThu, { from: '2026-11-01', to: '2026-12-31' }, { startsOn: '2026-11-20', endsOn: '2026-12-03' }, calendar);
    expect(sessions.map((s) => s.date)).toEqual(['2026-11-24', '2026-12-01', '2026-12-03']);
    expect(skipped).toEqual([{ date: '2026-11-26', reason: 'closing_day', label: null }]);
  });
});

describe('copenhagenInstant', () => {
  it('stores Danish wall-clock times in UTC across daylight saving', () => {
    expect(copenhagenInstant('2027-01-12', '10:00').toISOString()).toBe('2027-01-12T09:00:00.000Z');
    expect(copenhagenInstant('2027-06-15', '10:00').toISOString()).toBe('2027-06-15T08:00:00.000Z');
    expect(copenhagenInstant('2027-03-28', '10:00').toISOString()).toBe('2027-03-28T08:00:00.000Z');
  });
});

describe('team rules', () => {
  it('lets only therapists and leads of the host municipality run teams', () => {
    expect(mayRunTeams(staff('0159', ['therapist']), '0159')).toBe(true);
    expect(mayRunTeams(staff('0159', ['municipal_lead']), '0159')).toBe(true);
    expect(mayRunTeams(staff('0159', ['contact_person']), '0159')).toBe(false);
    expect(mayRunTeams(staff('0151', ['therapist']), '0159')).toBe(false);
    expect(mayRunTeams({ kind: 'system', name: 'cli' }, '0159')).toBe(false);
  });

  it('defaults the quota to the whole dose', () => {
    expect(defaultQuota([{ sessions: 29 }])).toBe(29);
    expect(defaultQuota([{ sessions: 30 }, { sessions: 15 }, { sessions: 5 }])).toBe(50);
    expect(defaultQuota([])).toBeNull();
  });

  it('refuses an end before the start and the same slot twice', () => {
    expect(checkTeamInput({ startsOn: '2026-12-01', endsOn: '2026-11-01', schedule: [...tueThu, tueThu[0]!] }).map((i) => [i.field, i.code])).toEqual([
      ['endsOn', 'before_start'],
      ['schedule.2', 'duplicate'],
    ]);
  });

  it('limits generation to a year at a time', () => {
    expect(checkGenerateRange('2026-01-01', '2026-12-31')).toEqual([]);
    expect(checkGenerateRange('2026-02-01', '2026-01-01')[0]?.code).toBe('before_start');
    expect(checkGenerateRange('2026-01-01', '2027-06-01')[0]?.code).toBe('range_too_long');
  });

  it('starts an enrolment no earlier than the referral and the team', () => {
    expect(checkEnrolmentStart('2026-11-01', '2026-11-10', '2026-09-01')[0]?.code).toBe('before_received');
    expect(checkEnrolmentStart('2026-08-20', '2026-08-01', '2026-09-01')[0]?.code).toBe('before_start');
    expect(checkEnrolmentStart('2026-11-10', '2026-11-10', '2026-09-01')).toEqual([]);
  });
});

describe('planCohortSessions', () => {
  const tuesday = [{ weekday: 2, startTime: '13:00', durationMinutes: 150, room: 'Mødelokale 2' }];

  it('gives Livskraft six weekly sessions and a follow-up eight weeks after the last', () => {
    const { sessions } = planCohortSessions(tuesday, { startsOn: '2027-03-01', endsOn: null }, defaultCalendar, 7, 8);
    expect(sessions.map((s) => [s.date, s.kind])).toEqual([
      ['2027-03-02', 'regular'],
      ['2027-03-09', 'regular'],
      ['2027-03-16', 'regular'],
      ['2027-03-23', 'regular'],
      ['2027-03-30', 'regular'],
      ['2027-04-06', 'regular'],
      ['2027-06-01', 'follow_up'],
    ]);
    expect(sessions.at(-1)).toMatchObject({ startTime: '13:00', durationMinutes: 150, room: 'Mødelokale 2' });
  });

  it('skips closed days, keeps the count, and moves a closed follow-up day to the next open day', () => {
    const calendar = createCalendar([
      { date: '2027-03-16', label: 'Personaledag' },
      { date: '2027-06-08', label: 'Kursus' },
    ]);
    const { sessions, skipped } = planCohortSessions(tuesday, { startsOn: '2027-03-01', endsOn: null }, calendar, 7, 8);
    expect(sessions.map((s) => s.date)).toEqual(['2027-03-02', '2027-03-09', '2027-03-23', '2027-03-30', '2027-04-06', '2027-04-13', '2027-06-09']);
    expect(skipped).toEqual([{ date: '2027-03-16', reason: 'closing_day', label: null }]);
  });

  it('without a follow-up gives the whole quota as regular sessions', () => {
    const { sessions } = planCohortSessions(tuesday, { startsOn: '2027-03-01', endsOn: null }, defaultCalendar, 3, null);
    expect(sessions.map((s) => [s.date, s.kind])).toEqual([
      ['2027-03-02', 'regular'],
      ['2027-03-09', 'regular'],
      ['2027-03-16', 'regular'],
    ]);
  });
});
