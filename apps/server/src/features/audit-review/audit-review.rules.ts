import type { AuditAlertReason, AuditReviewEvent } from '@samkraft/contracts/audit-review';
import type { Actor } from '../../platform/auth/actor.ts';
import { describePurpose, describeRead, notShownActions, readActionWording, roleWording, type Words } from '../access-log/access-log-wording.ts';
import { actorKindOf } from '../access-log/access-log.rules.ts';
import type { AuditReviewRecord } from './audit-review.repository.ts';

/*
 * "Tilsyn med adgang": who may read the audit log, how each event reads in words, and which
 * users' reads are unusual. Pure: no I/O, no clock of its own.
 */

/**
 * Only the data-protection role reads the log. The coordinator and the administrator do not get
 * it with their roles: the log shows who looked at which citizen, and reviewing that is a task of
 * its own that a municipality gives to named people.
 */
export function canReviewAudit(actor: Actor): actor is Extract<Actor, { kind: 'staff' }> {
  return actor.kind === 'staff' && actor.roles.includes('auditor');
}

export const DEFAULT_PAGE = 50;
/** The export's bound: a period or filter with more events must be narrowed (it says so in the file). */
export const EXPORT_MAX_ROWS = 10_000;
/**
 * The alerts read one bounded period of the log, set-based: at most a year (a leap year's days).
 * Their cost grows with the municipality's reads in the period, read from an index alone
 * (migration 0054; bench/RESULTS.md "audit review alerts"), not with the whole country's.
 */
export const ALERT_MAX_DAYS = 366;

const w = (da: string, en: string): Words => ({ da, en });

const kindWords: Record<'write' | 'sign_in' | 'no_citizen' | 'other', Words> = {
  write: w('ændring', 'change'),
  sign_in: w('log ind/ud', 'sign-in/out'),
  no_citizen: w('handling uden borger', 'action about no citizen'),
  other: w('handling', 'action'),
};

export function eventKindOf(action: string): AuditReviewEvent['kind'] {
  if (action in readActionWording) return 'read';
  return notShownActions[action] ?? 'other';
}

const roleWords = (role: string): Words => roleWording[role] ?? w(role, role);

/** One event as the auditor reads it: who, what (the access log's words for a read), why, about whom. */
export function toAuditReviewEvent(r: AuditReviewRecord): AuditReviewEvent {
  const who = actorKindOf(r);
  const kind = eventKindOf(r.action);
  const what = kind === 'read' ? describeRead(r.action) : w(`${kindWords[kind].da}: ${r.action}`, `${kindWords[kind].en}: ${r.action}`);
  return {
    id: r.id,
    at: r.at.toISOString(),
    who: {
      kind: who,
      userId: r.actorUserId,
      name: who === 'staff' ? (r.actorName ?? r.actorLabel) : null,
      username: who === 'staff' ? r.actorLabel : null,
      municipality: r.actorMunicipalityCode ? { code: r.actorMunicipalityCode, name: r.actorMunicipalityName ?? r.actorMunicipalityCode } : null,
      roles: who === 'staff' ? r.actorRoles.map(roleWords) : [],
      label: who === 'system' ? r.actorLabel : null,
    },
    action: r.action,
    kind,
    what,
    why: describePurpose(r.purpose, who),
    outcome: r.outcome,
    citizen: r.citizenId ? { id: r.citizenId, name: r.citizenName ?? '' } : null,
    entity: r.entityType ? { type: r.entityType, id: r.entityId } : null,
  };
}

// ───────────────────────────── unusual reads ─────────────────────────────

export type WorkingHours = { startHour: number; endHour: number };

export type AlertThresholds = WorkingHours & {
  /** A user who read at least this many distinct citizens in the period… */
  minCitizens: number;
  /** …of whom at most this per cent were their own, is flagged. */
  maxOwnPercent: number;
  /** A user with at least this many reads outside working hours is flagged. */
  minOutsideHours: number;
};

export const DEFAULT_THRESHOLDS: AlertThresholds = { minCitizens: 20, maxOwnPercent: 50, minOutsideHours: 1, startHour: 7, endHour: 18 };

const copenhagen = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', weekday: 'short' });

/** The Danish wall clock's date, hour and weekday (1 Monday … 7 Sunday) of an instant. */
export function danishWallClock(at: Date): { date: string; hour: number; isoWeekday: number } {
  const p = Object.fromEntries(copenhagen.formatToParts(at).map((x) => [x.type, x.value]));
  const isoWeekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday ?? '') + 1;
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), isoWeekday };
}

/**
 * Outside working hours on the Danish wall clock: a Saturday or Sunday, a Danish public holiday,
 * or before `startHour` / from `endHour` on. (The repository counts the same in SQL; its db test
 * holds the two together on crafted events.)
 */
export function isOutsideWorkingHours(at: Date, holidays: ReadonlySet<string>, hours: WorkingHours): boolean {
  const c = danishWallClock(at);
  return c.isoWeekday >= 6 || holidays.has(c.date) || c.hour < hours.startHour || c.hour >= hours.endHour;
}

/** One user's reads in the period, as the repository counts them. */
export type UserReadCounts = { userId: string; reads: number; citizens: number; ownCitizens: number; outsideHours: number };

/** Why a user's reads are unusual, if they are: many citizens few of whom are theirs, reads outside hours. */
export function alertReasons(c: UserReadCounts, t: AlertThresholds): AuditAlertReason[] {
  const reasons: AuditAlertReason[] = [];
  if (c.citizens >= t.minCitizens && c.ownCitizens * 100 <= c.citizens * t.maxOwnPercent) reasons.push('many_not_own');
  if (c.outsideHours >= t.minOutsideHours) reasons.push('outside_hours');
  return reasons;
}

/** The flagged users, the most citizens not their own first. */
export function flagUnusualReads(counts: readonly UserReadCounts[], t: AlertThresholds): (UserReadCounts & { reasons: AuditAlertReason[] })[] {
  return counts
    .map((c) => ({ ...c, reasons: alertReasons(c, t) }))
    .filter((c) => c.reasons.length > 0)
    .sort((a, b) => b.citizens - b.ownCitizens - (a.citizens - a.ownCitizens) || b.outsideHours - a.outsideHours || a.userId.localeCompare(b.userId));
}

/** The days of a period `from`…`to` (inclusive), or a reason it is not one the alerts read. */
export function alertPeriodProblem(from: string, to: string): string | null {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days < 1) return 'the period ends before it begins';
  if (days > ALERT_MAX_DAYS) return `the period is ${days} days; the alerts read at most ${ALERT_MAX_DAYS}`;
  return null;
}

/** The years a period touches (for the public holidays). */
export function yearsOf(from: string, to: string): number[] {
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) out.push(y);
  return out;
}

/** The day after a date (the end of a period is exclusive in SQL). */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
