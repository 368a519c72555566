import type { Db } from '../database/database.ts';
import type { Json } from '../database/schema.ts';

export type AuditRow = {
  actorUserId: string | null;
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

export async function insertAuditEvents(db: Db, rows: AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('audit_event')
    .values(
      rows.map((r) => ({
        actor_user_id: r.actorUserId,
        actor_label: r.actorLabel,
        actor_municipality: r.actorMunicipality,
        actor_roles: r.actorRoles,
        action: r.action,
        entity_type: r.entityType,
        entity_id: r.entityId,
        citizen_id: r.citizenId,
        purpose: r.purpose,
        outcome: r.outcome,
        detail: r.detail === null ? null : JSON.stringify(r.detail),
        request_id: r.requestId,
      })),
    )
    .execute();
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
