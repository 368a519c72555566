import type {
  AuditReviewAlertQuery,
  AuditReviewAlerts,
  AuditReviewCitizenLookup,
  AuditReviewEvent,
  AuditReviewFilter,
  AuditReviewPage,
  AuditReviewQuery,
} from '@samkraft/contracts/audit-review';
import { roles, type Role } from '@samkraft/contracts/common';
import { normaliseCpr } from '@samkraft/contracts/cpr';
import { audit, type AuditEntry } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { startOfDanishDay } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { readActions } from '../access-log/access-log-wording.ts';
import { cursorOf, parseCursor } from '../access-log/access-log.rules.ts';
import { publicHolidays } from '../calendar/calendar.rules.ts';
import { citizenRefByCpr } from '../citizens/citizen-record.service.ts';
import { selectAuditReviewPage, selectUserReadCounts, type AuditReviewRecord, type AuditReviewSelection } from './audit-review.repository.ts';
import {
  alertPeriodProblem,
  canReviewAudit,
  DEFAULT_PAGE,
  DEFAULT_THRESHOLDS,
  EXPORT_MAX_ROWS,
  flagUnusualReads,
  nextDay,
  toAuditReviewEvent,
  yearsOf,
  type AlertThresholds,
} from './audit-review.rules.ts';

/*
 * "Tilsyn med adgang": the audit log read by the municipality's data-protection role. Every read
 * of the log is itself audited in its transaction — one event for the read with its filters, and
 * one per citizen whose events were shown (purpose `audit_review`), so the citizen's own access log
 * says that the data-protection review looked at who read their data. A refusal is audited on its
 * own.
 */

type Action = 'audit_review.read' | 'audit_review.export' | 'audit_review.alerts' | 'audit_review.citizen_lookup';

async function requireAuditor(ctx: ServiceContext, action: Action): Promise<StaffActor> {
  if (canReviewAudit(ctx.actor)) return ctx.actor;
  await audit(ctx.db, ctx, [{ action, citizenId: null, outcome: 'denied', detail: { reason: 'role' } }]);
  throw AppError.forbidden('Only the data-protection role (auditor) reads the audit log');
}

function selectionOf(actor: StaffActor, f: AuditReviewFilter): AuditReviewSelection {
  if (f.from && f.to && f.to < f.from) throw AppError.validation([{ field: 'to', code: 'invalid_value', message: 'The period ends before it begins' }]);
  return {
    municipalityCode: actor.municipalityCode,
    ...(f.citizenId ? { citizenId: f.citizenId } : {}),
    ...(f.userId ? { userId: f.userId } : {}),
    ...(f.from ? { fromAt: startOfDanishDay(f.from) } : {}),
    ...(f.to ? { toAt: startOfDanishDay(nextDay(f.to)) } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
  };
}

const filterDetail = (f: AuditReviewFilter) => ({
  citizenId: f.citizenId ?? null,
  userId: f.userId ?? null,
  from: f.from ?? null,
  to: f.to ?? null,
  action: f.action ?? null,
  outcome: f.outcome ?? null,
});

/** The read's own event and one per citizen shown. */
function readEvents(action: Action, f: AuditReviewFilter, rows: readonly AuditReviewRecord[], extra: Record<string, string | number | null>): AuditEntry[] {
  const citizens = [...new Set(rows.flatMap((r) => (r.citizenId ? [r.citizenId] : [])))];
  return [
    { action, citizenId: f.citizenId ?? null, entityType: 'audit_event', outcome: 'allowed', purpose: 'audit_review', detail: { ...filterDetail(f), ...extra, shown: rows.length } },
    ...citizens.filter((c) => c !== f.citizenId).map((c): AuditEntry => ({ action, citizenId: c, entityType: 'citizen', entityId: c, outcome: 'allowed', purpose: 'audit_review' })),
  ];
}

export async function listAuditEvents(ctx: ServiceContext, q: AuditReviewQuery): Promise<AuditReviewPage> {
  const actor = await requireAuditor(ctx, 'audit_review.read');
  if (q.before !== undefined && !parseCursor(q.before)) throw AppError.validation([{ field: 'before', code: 'invalid_format', message: 'Not a cursor this list gave' }]);
  const limit = q.limit ?? DEFAULT_PAGE;
  const selection = selectionOf(actor, q);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await selectAuditReviewPage(trx, selection, { before: parseCursor(q.before), limit: limit + 1 });
    const shown = rows.slice(0, limit);
    await audit(trx, ctx, readEvents('audit_review.read', q, shown, { before: q.before ?? null }));
    const last = shown.at(-1);
    return { events: shown.map(toAuditReviewEvent), next: rows.length > limit && last ? cursorOf(last) : null };
  });
}

const EXPORT_PAGE = 1000;

/** The events of the filter for a file, newest first, at most EXPORT_MAX_ROWS (read a thousand at a time by the keyset). */
export async function eventsForExport(ctx: ServiceContext, f: AuditReviewFilter): Promise<{ events: AuditReviewEvent[]; truncated: boolean }> {
  const actor = await requireAuditor(ctx, 'audit_review.export');
  const selection = selectionOf(actor, f);
  return ctx.db.transaction().execute(async (trx) => {
    const read: AuditReviewRecord[] = [];
    let before: AuditReviewRecord | undefined;
    // One page past the bound tells whether there is more than the file holds.
    for (;;) {
      const page = await selectAuditReviewPage(trx, selection, { before: before ? { atMicros: before.atMicros, id: before.id } : null, limit: EXPORT_PAGE });
      read.push(...page);
      before = page.at(-1);
      if (page.length < EXPORT_PAGE || read.length > EXPORT_MAX_ROWS) break;
    }
    const truncated = read.length > EXPORT_MAX_ROWS;
    const rows = read.slice(0, EXPORT_MAX_ROWS);
    await audit(trx, ctx, readEvents('audit_review.export', f, rows, { truncated: truncated ? 1 : 0 }));
    return { events: rows.map(toAuditReviewEvent), truncated };
  });
}

/**
 * A CPR to a citizen of the auditor's municipality (home municipality), for the "per citizen"
 * filter: through the citizens' narrow look-up, name and id only. Another municipality's citizen,
 * or a CPR Samkraft does not know, is "not found" alike — the answer discloses nothing.
 */
export async function lookupCitizenForReview(ctx: ServiceContext, cprInput: string): Promise<AuditReviewCitizenLookup> {
  const actor = await requireAuditor(ctx, 'audit_review.citizen_lookup');
  const cpr = normaliseCpr(cprInput);
  if (!cpr) throw AppError.validation([{ field: 'cpr', code: 'invalid_format', message: 'Not a CPR number' }]);
  return ctx.db.transaction().execute(async (trx: Db) => {
    const found = await citizenRefByCpr(trx, cpr);
    const mine = found && found.homeMunicipalityCode === actor.municipalityCode ? found : undefined;
    await audit(trx, ctx, [
      { action: 'audit_review.citizen_lookup', citizenId: mine?.id ?? null, entityType: 'citizen', ...(mine ? { entityId: mine.id } : {}), outcome: 'allowed', purpose: 'audit_review', detail: { found: mine !== undefined } },
    ]);
    return { citizen: mine ? { id: mine.id, name: mine.name } : null };
  });
}

/** The users whose reads in the period are unusual (aggregates per user; no citizen shown, so one event). */
export async function unusualReads(ctx: ServiceContext, q: AuditReviewAlertQuery): Promise<AuditReviewAlerts> {
  const actor = await requireAuditor(ctx, 'audit_review.alerts');
  const problem = alertPeriodProblem(q.from, q.to);
  if (problem) throw AppError.validation([{ field: 'to', code: 'invalid_value', message: problem }]);
  const t: AlertThresholds = {
    minCitizens: q.minCitizens ?? DEFAULT_THRESHOLDS.minCitizens,
    maxOwnPercent: q.maxOwnPercent ?? DEFAULT_THRESHOLDS.maxOwnPercent,
    minOutsideHours: q.minOutsideHours ?? DEFAULT_THRESHOLDS.minOutsideHours,
    startHour: q.workStartHour ?? DEFAULT_THRESHOLDS.startHour,
    endHour: q.workEndHour ?? DEFAULT_THRESHOLDS.endHour,
  };
  if (t.endHour <= t.startHour) throw AppError.validation([{ field: 'workEndHour', code: 'invalid_value', message: 'Working hours end before they begin' }]);
  const holidays = yearsOf(q.from, q.to).flatMap((y) => [...publicHolidays(y).keys()]);
  return ctx.db.transaction().execute(async (trx) => {
    const counts = await selectUserReadCounts(trx, {
      municipalityCode: actor.municipalityCode,
      fromAt: startOfDanishDay(q.from),
      toAt: startOfDanishDay(nextDay(q.to)),
      // The review's own reads of the log are in the events, not in the alerts: they are never "own" citizens.
      readActions: readActions.filter((a) => !a.startsWith('audit_review.')),
      holidays,
      startHour: t.startHour,
      endHour: t.endHour,
    });
    const flagged = flagUnusualReads(counts, t);
    await audit(trx, ctx, [{ action: 'audit_review.alerts', citizenId: null, entityType: 'audit_event', outcome: 'allowed', purpose: 'audit_review', detail: { from: q.from, to: q.to, ...t, flagged: flagged.length } }]);
    const byUser = new Map(counts.map((c) => [c.userId, c]));
    return {
      from: q.from,
      to: q.to,
      thresholds: { minCitizens: t.minCitizens, maxOwnPercent: t.maxOwnPercent, minOutsideHours: t.minOutsideHours, workStartHour: t.startHour, workEndHour: t.endHour },
      alerts: flagged.map((f) => {
        const u = byUser.get(f.userId)!;
        return {
          user: { id: u.userId, name: u.name, username: u.username, municipality: u.municipalityCode ? { code: u.municipalityCode, name: u.municipalityName ?? u.municipalityCode } : null, roles: u.roles.filter((r): r is Role => (roles as readonly string[]).includes(r)) },
          reasons: f.reasons,
          reads: f.reads,
          citizens: f.citizens,
          ownCitizens: f.ownCitizens,
          outsideHours: f.outsideHours,
        };
      }),
    };
  });
}
