import type { Actor } from '../../platform/auth/actor.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import { addCalendarDays, firstWorkingDayFrom, isClosingDay, isoWeekday, isPublicHoliday, publicHolidays, toDayNumber, type Calendar, type IsoDate } from '../calendar/calendar.rules.ts';

/** Teams are run by the host municipality's therapists and leads; nobody else sees them. */
export function mayRunTeams(actor: Actor, hostMunicipalityCode: string): boolean {
  return actor.kind === 'staff' && actor.municipalityCode === hostMunicipalityCode && actor.roles.some((r) => r === 'therapist' || r === 'municipal_lead');
}

export type Slot = { weekday: number; startTime: string; durationMinutes: number; room: string | null };

export function checkTeamInput(t: { startsOn: IsoDate; endsOn: IsoDate | null; schedule: readonly Slot[] }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (t.endsOn !== null && t.endsOn < t.startsOn) issues.push({ field: 'endsOn', code: 'before_start', message: 'must not be before startsOn' });
  const seen = new Set<string>();
  t.schedule.forEach((s, i) => {
    const key = `${s.weekday} ${s.startTime}`;
    if (seen.has(key)) issues.push({ field: `schedule.${i}`, code: 'duplicate', message: 'the same weekday and time twice' });
    seen.add(key);
  });
  return issues;
}

/** The quota a team gives by default: the intervention's whole dose (the sum of its parts, e.g. 29). */
export function defaultQuota(doseParts: readonly { sessions: number }[]): number | null {
  const total = doseParts.reduce((sum, p) => sum + p.sessions, 0);
  return total > 0 ? total : null;
}

const MAX_RANGE_DAYS = 366;

export function checkGenerateRange(from: IsoDate, to: IsoDate): FieldIssue[] {
  if (to < from) return [{ field: 'to', code: 'before_start', message: 'must not be before from' }];
  if (toDayNumber(to) - toDayNumber(from) > MAX_RANGE_DAYS) return [{ field: 'to', code: 'range_too_long', message: 'at most one year at a time' }];
  return [];
}

export type PlannedSession = { date: IsoDate; startTime: string; durationMinutes: number; room: string | null };
export type SkippedDate = { date: IsoDate; reason: 'public_holiday' | 'closing_day'; label: string | null };

/**
 * The sessions a weekly schedule gives between two dates (both included), limited to the team's
 * own period. A day the host municipality is closed — a public holiday (Easter, Christmas…) or one
 * of its closing days — has no session: the team does not meet then, and no session is moved.
 */
export function planSessions(
  schedule: readonly Slot[],
  range: { from: IsoDate; to: IsoDate },
  team: { startsOn: IsoDate; endsOn: IsoDate | null },
  calendar: Calendar,
): { sessions: PlannedSession[]; skipped: SkippedDate[] } {
  const from = range.from > team.startsOn ? range.from : team.startsOn;
  const to = team.endsOn !== null && team.endsOn < range.to ? team.endsOn : range.to;
  const sessions: PlannedSession[] = [];
  const skipped: SkippedDate[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
    const slots = schedule.filter((s) => s.weekday === isoWeekday(d));
    if (slots.length === 0) continue;
    if (isPublicHoliday(d)) {
      skipped.push({ date: d, reason: 'public_holiday', label: publicHolidays(Number(d.slice(0, 4))).get(d) ?? null });
      continue;
    }
    if (isClosingDay(calendar, d)) {
      skipped.push({ date: d, reason: 'closing_day', label: null });
      continue;
    }
    for (const s of [...slots].sort((a, b) => a.startTime.localeCompare(b.startTime))) {
      sessions.push({ date: d, startTime: s.startTime, durationMinutes: s.durationMinutes, room: s.room });
    }
  }
  return { sessions, skipped };
}

// Made once: constructing an Intl.DateTimeFormat costs far more than formatting with one (a
// citizen's "Mine aftaler" asks for two instants per session: 51 sessions took 29 ms).
const copenhagenWall = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function copenhagenWallClock(at: Date): string {
  return copenhagenWall.format(at).replace(',', '');
}

/**
 * The instant of a Danish wall-clock time. Sessions are booked in Danish time and stored in UTC,
 * so 10:00 stays 10:00 across daylight saving (UTC+1 in winter, UTC+2 in summer).
 */
export function copenhagenInstant(date: IsoDate, time: string): Date {
  const wallAsUtc = Date.parse(`${date}T${time}:00Z`);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(wallAsUtc - offsetHours * 3_600_000);
    if (copenhagenWallClock(candidate) === `${date} ${time}`) return candidate;
  }
  // A time skipped by the spring change (02:00–03:00) does not exist; take the winter offset.
  return new Date(wallAsUtc - 3_600_000);
}

export function checkEnrolmentStart(startOn: IsoDate, receivedOn: IsoDate, teamStartsOn: IsoDate): FieldIssue[] {
  if (startOn < receivedOn) return [{ field: 'startOn', code: 'before_received', message: 'must not be before the referral was received' }];
  if (startOn < teamStartsOn) return [{ field: 'startOn', code: 'before_start', message: 'must not be before the team starts' }];
  return [];
}

export type PlannedCohortSession = PlannedSession & { kind: 'regular' | 'follow_up' };

/**
 * All sessions of a fixed cohort at once: the first `quota` sessions of the weekly schedule from
 * the team's first day (closed days skipped, as for rolling teams) — or `quota − 1` when the
 * intervention has a follow-up, which then comes `followUpWeeks` after the last regular session
 * at the same time, on the first day the host is open (Livskraft: 6 weekly sessions and a
 * follow-up 8 weeks later = 7). The team's last day does not cut the follow-up off.
 */
export function planCohortSessions(
  schedule: readonly Slot[],
  team: { startsOn: IsoDate; endsOn: IsoDate | null },
  calendar: Calendar,
  quota: number,
  followUpWeeks: number | null,
): { sessions: PlannedCohortSession[]; skipped: SkippedDate[] } {
  const regularCount = followUpWeeks !== null && quota > 1 ? quota - 1 : quota;
  const sessions: PlannedCohortSession[] = [];
  const skipped: SkippedDate[] = [];
  // Two years is far beyond any cohort; it only stops a schedule that can never fill the count.
  const horizon = addCalendarDays(team.startsOn, 730);
  const last = team.endsOn ?? horizon;
  for (let from = team.startsOn; sessions.length < regularCount && from <= last; from = addCalendarDays(from, 28)) {
    const to = addCalendarDays(from, 27);
    const part = planSessions(schedule, { from, to: to < last ? to : last }, team, calendar);
    skipped.push(...part.skipped);
    for (const s of part.sessions) if (sessions.length < regularCount) sessions.push({ ...s, kind: 'regular' });
  }
  const lastRegular = sessions.at(-1);
  if (followUpWeeks !== null && lastRegular && sessions.length === regularCount && quota > 1) {
    const date = firstWorkingDayFrom(calendar, addCalendarDays(lastRegular.date, followUpWeeks * 7));
    sessions.push({ date, startTime: lastRegular.startTime, durationMinutes: lastRegular.durationMinutes, room: lastRegular.room, kind: 'follow_up' });
  }
  return { sessions, skipped: skipped.filter((d) => sessions.length === 0 || d.date <= sessions.at(-1)!.date) };
}
