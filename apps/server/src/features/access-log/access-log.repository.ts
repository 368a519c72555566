import { sql } from 'kysely';
import { selectAuditEventPage, type AuditEventCursor, type ShownAuditEvent } from '../../platform/audit/audit-event-read.repository.ts';
import type { Db } from '../../platform/database/database.ts';

/** One read of a citizen's data as the log shows it, with who read it by name and municipality (platform/audit's event row). */
export type AccessLogRecord = ShownAuditEvent;

export type AccessLogCursor = AuditEventCursor;

/**
 * A page of the citizen's reads, newest first, by keyset on (at, id) under the index
 * `audit_event_citizen_id_at_idx` (citizen_id, at; migration 0054): never an offset, never a count — the log of a
 * citizen grows with every read. `actions` is the fixed list of read actions. One more row than
 * asked tells whether an older page exists.
 */
export async function selectAccessLogPage(db: Db, citizenId: string, actions: readonly string[], page: { before: AccessLogCursor | null; limit: number }): Promise<AccessLogRecord[]> {
  return selectAuditEventPage(db, {
    where: [sql`e.citizen_id = ${citizenId}::uuid`, sql`e.outcome = 'allowed'`, sql`e.action = any(${[...actions]}::text[])`],
    withCitizen: false,
    before: page.before,
    limit: page.limit,
  });
}
