import type { Clock } from '../../platform/clock.ts';
import { AUDIT_RETENTION_FLOOR_MONTHS } from '../../platform/config.ts';
import type { Db } from '../../platform/database/database.ts';
import { runEvery, type Periodic } from '../../platform/periodic.ts';
import { purgeAuditEventsBefore } from './audit-review.repository.ts';

/*
 * The audit log's retention: events older than the configured period are removed by the schema
 * owner's function audit_event_purge (migration 0052), which the server's role may call but which
 * refuses a cutoff within the five-year floor and records every purge as an audit event
 * (`audit_event.purge`, actor `system:audit-retention`, with the cutoff and the number removed).
 */

export type AuditRetentionDeps = { db: Db; clock: Clock; months: number; log?: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void } };

/** The instant before which events go: `months` calendar months before `now` (UTC calendar). */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** Removes the events older than the retention period, once; the number removed and the cutoff. */
export async function purgeExpiredAuditEvents(deps: Pick<AuditRetentionDeps, 'db' | 'clock' | 'months'>): Promise<{ before: Date; deleted: number }> {
  if (deps.months < AUDIT_RETENTION_FLOOR_MONTHS) throw new Error(`the audit log is kept at least ${AUDIT_RETENTION_FLOOR_MONTHS} months`);
  const before = retentionCutoff(deps.clock.now(), deps.months);
  const deleted = await deps.db.transaction().execute((trx) => purgeAuditEventsBefore(trx, before, 'system:audit-retention'));
  return { before, deleted };
}

/** The purge every `intervalMs` while the app runs (one instance is enough: the others may set 0). */
export function startAuditRetention(deps: AuditRetentionDeps, intervalMs: number): Periodic {
  return runEvery(
    intervalMs,
    async () => {
      const r = await purgeExpiredAuditEvents(deps);
      if (r.deleted > 0) deps.log?.info({ before: r.before.toISOString(), deleted: r.deleted }, 'audit events past the retention period removed');
    },
    (err) => deps.log?.error({ err: err instanceof Error ? err.message : 'unknown error' }, 'the audit retention purge failed'),
  );
}
