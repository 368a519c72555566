import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../database/database.ts';
import type { Json } from '../database/schema.ts';

export type AuditRow = {
  actorUserId: string | null;
  /** The citizen acting on their own data (the citizen's door), else null. */
  actorCitizenId: string | null;
  actorLabel: string;
  actorMunicipality: string | null;
  actorRoles: string[];
  action: string;
  entityType: string | null;
  entityId: string | null;
  citizenId: string | null;
  purpose: string | null;
  outcome: 'allowed' | 'denied' | 'failed';
  detail: Json | null;
  requestId: string | null;
};

/**
 * One statement per actor, whatever the number of events: the columns that vary per event travel
 * as arrays (a list of 10,000 citizens is 7 parameters, not 120,000 — PostgreSQL takes at most
 * 65,535). The events of one call share their actor, so this is one statement in practice.
 */
export async function insertAuditEvents(db: Db, rows: AuditRow[]): Promise<void> {
  const byActor = new Map<string, AuditRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.actorUserId, r.actorCitizenId, r.actorLabel, r.actorMunicipality, r.actorRoles, r.requestId]);
    const list = byActor.get(key);
    if (list) list.push(r);
    else byActor.set(key, [r]);
  }
  for (const group of byActor.values()) {
    const [first] = group;
    if (!first) continue;
    const column = <T>(pick: (r: AuditRow) => T) => group.map(pick);
    await sql`
      insert into audit_event (actor_user_id, actor_citizen_id, actor_label, actor_municipality, actor_roles, request_id, action, entity_type, entity_id, citizen_id, purpose, outcome, detail)
      select ${first.actorUserId}::uuid, ${first.actorCitizenId}::uuid, ${first.actorLabel}, ${first.actorMunicipality}, ${first.actorRoles}::text[], ${first.requestId},
        e.action, e.entity_type, e.entity_id, e.citizen_id, e.purpose, e.outcome, e.detail
      from unnest(${column((r) => r.action)}::text[], ${column((r) => r.entityType)}::text[], ${column((r) => r.entityId)}::text[],
        ${column((r) => r.citizenId)}::uuid[], ${column((r) => r.purpose)}::text[], ${column((r) => r.outcome)}::text[],
        ${column((r) => (r.detail === null ? null : JSON.stringify(r.detail)))}::jsonb[])
        with ordinality as e(action, entity_type, entity_id, citizen_id, purpose, outcome, detail, n)
      order by e.n`.execute(db);
  }
}

/** The columns of an event that come from who did it. */
export type AuditActorColumns = Pick<AuditRow, 'actorUserId' | 'actorCitizenId' | 'actorLabel' | 'actorMunicipality' | 'actorRoles' | 'requestId'>;

/** One event as a query selects it, `ord` its place among the others. */
export type SelectedAuditEvent = { ord: number; action: string; entity_type: string | null; entity_id: string | null; citizen_id: string | null; outcome: AuditRow['outcome']; detail: Json | null };

/**
 * The events a query selects, of one actor, in one statement: for work whose rows are already in
 * the database (an import's staging tables), so that they need not travel to the server and back.
 */
export async function insertSelectedAuditEvents(db: Db, actor: AuditActorColumns, events: RawBuilder<SelectedAuditEvent>): Promise<void> {
  await sql`
    insert into audit_event (actor_user_id, actor_citizen_id, actor_label, actor_municipality, actor_roles, request_id, action, entity_type, entity_id, citizen_id, purpose, outcome, detail)
    select ${actor.actorUserId}::uuid, ${actor.actorCitizenId}::uuid, ${actor.actorLabel}, ${actor.actorMunicipality}, ${actor.actorRoles}::text[], ${actor.requestId},
      e.action, e.entity_type, e.entity_id, e.citizen_id, null, e.outcome, e.detail
    from (${events}) e
    order by e.ord`.execute(db);
}

/**
 * The insert of one event per row of `rows` (columns `entity_id` text and `citizen_id` uuid), as a
 * part of another statement (a data-modifying CTE): a read that audits what it reads in the same
 * statement. `row` gives every other column (its own entity and citizen are not used).
 */
export function auditEventsInsert(row: AuditRow, rows: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    insert into audit_event (actor_user_id, actor_citizen_id, actor_label, actor_municipality, actor_roles, request_id, action, entity_type, entity_id, citizen_id, purpose, outcome, detail)
    select ${row.actorUserId}::uuid, ${row.actorCitizenId}::uuid, ${row.actorLabel}, ${row.actorMunicipality}, ${row.actorRoles}::text[], ${row.requestId},
      ${row.action}, ${row.entityType}, e.entity_id, e.citizen_id, ${row.purpose}, ${row.outcome}, ${row.detail === null ? null : JSON.stringify(row.detail)}::jsonb
    from (${rows}) e`;
}

export type AuditEventView = {
  id: string;
  at: Date;
  actorLabel: string;
  action: string;
  citizenId: string | null;
  entityId: string | null;
  outcome: string;
  detail: unknown;
};

export async function listAuditEvents(db: Db, filter: { citizenId?: string; actorUserId?: string; limit?: number }): Promise<AuditEventView[]> {
  let q = db.selectFrom('audit_event').select(['id', 'at', 'actor_label', 'action', 'citizen_id', 'entity_id', 'outcome', 'detail']);
  if (filter.citizenId) q = q.where('citizen_id', '=', filter.citizenId);
  if (filter.actorUserId) q = q.where('actor_user_id', '=', filter.actorUserId);
  const rows = await q.orderBy('id', 'desc').limit(filter.limit ?? 100).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorLabel: r.actor_label,
    action: r.action,
    citizenId: r.citizen_id,
    entityId: r.entity_id,
    outcome: r.outcome,
    detail: r.detail,
  }));
}

/**
 * Whether the connected role could rewrite the audit log: it owns the table (and so may switch
 * off its append-only triggers) or may update, delete or truncate it. A superuser always can.
 */
export async function auditLogRewritable(db: Db): Promise<boolean> {
  const r = await sql<{ rewritable: boolean }>`
    select pg_has_role(current_user, c.relowner, 'usage')
        or has_table_privilege(c.oid, 'update, delete, truncate') as rewritable
      from pg_class c where c.oid = 'audit_event'::regclass`.execute(db);
  return r.rows[0]?.rewritable ?? true;
}

/** One audit event as it was written, for reading back (a citizen's access log). */
export type AuditEventRecord = { id: string; at: Date; actorCitizenId?: string | null } & Omit<AuditRow, 'detail' | 'actorCitizenId'>;

function auditEventQuery(db: Db) {
  return db
    .selectFrom('audit_event')
    .select(['id', 'at', 'actor_user_id', 'actor_citizen_id', 'actor_label', 'actor_municipality', 'actor_roles', 'action', 'entity_type', 'entity_id', 'citizen_id', 'purpose', 'outcome', 'request_id']);
}

type AuditEventRow = {
  id: string | number | bigint;
  at: Date | string;
  actor_user_id: string | null;
  actor_citizen_id: string | null;
  actor_label: string;
  actor_municipality: string | null;
  actor_roles: string[];
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  citizen_id: string | null;
  purpose: string | null;
  outcome: AuditRow['outcome'];
  request_id: string | null;
};

const toAuditEventRecord = (r: AuditEventRow): AuditEventRecord => ({
  id: String(r.id),
  at: new Date(r.at),
  actorUserId: r.actor_user_id,
  actorCitizenId: r.actor_citizen_id,
  actorLabel: r.actor_label,
  actorMunicipality: r.actor_municipality,
  actorRoles: r.actor_roles,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  citizenId: r.citizen_id,
  purpose: r.purpose,
  outcome: r.outcome,
  requestId: r.request_id,
});

/** A citizen's events, newest first, one page of them, with how many there are (index `audit_event_citizen_id_at_idx`). */
export async function selectCitizenAuditEvents(db: Db, citizenId: string, page: { limit: number; offset: number }): Promise<{ total: number; events: AuditEventRecord[] }> {
  const [rows, count] = await Promise.all([
    auditEventQuery(db).where('citizen_id', '=', citizenId).orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n')).where('citizen_id', '=', citizenId).executeTakeFirstOrThrow(),
  ]);
  return { total: count.n, events: rows.map(toAuditEventRecord) };
}

/** One event by its number (the caller checks it is a number). */
export async function selectAuditEvent(db: Db, id: string): Promise<AuditEventRecord | undefined> {
  const r = await auditEventQuery(db).where('id', '=', id).executeTakeFirst();
  return r && toAuditEventRecord(r);
}
