import type { RawBuilder } from 'kysely';
import { actorLabel, type Actor } from '../auth/actor.ts';
import type { Db } from '../database/database.ts';
import type { Json } from '../database/schema.ts';
import {
  auditEventsInsert,
  insertAuditEvents,
  insertSelectedAuditEvents,
  selectAuditEvent,
  selectCitizenAuditEvents,
  type AuditActorColumns,
  type AuditEventRecord,
  type AuditRow,
  type SelectedAuditEvent,
} from './audit.repository.ts';

/** What happened to which citizen. `citizenId` is null only for events about no one citizen. */
export type AuditEntry = {
  action: string;
  citizenId: string | null;
  entityType?: string;
  entityId?: string;
  purpose?: string;
  outcome: AuditRow['outcome'];
  detail?: Json;
};

/** The request context an audit event needs besides the actor. */
export type AuditContext = { actor: Actor; requestId?: string };

function actorColumns(ctx: AuditContext): AuditActorColumns {
  const a = ctx.actor;
  return {
    actorUserId: a.kind === 'staff' ? a.userId : null,
    actorCitizenId: a.kind === 'citizen' ? a.citizenId : null,
    actorLabel: actorLabel(a),
    actorMunicipality: a.kind === 'staff' ? a.municipalityCode : null,
    actorRoles: a.kind === 'staff' ? a.roles : [],
    requestId: ctx.requestId ?? null,
  };
}

function toRow(ctx: AuditContext, e: AuditEntry): AuditRow {
  return {
    ...actorColumns(ctx),
    action: e.action,
    entityType: e.entityType ?? null,
    entityId: e.entityId ?? null,
    citizenId: e.citizenId,
    purpose: e.purpose ?? null,
    outcome: e.outcome,
    detail: e.detail ?? null,
  };
}

/**
 * Writes audit events. Call with the same transaction as the read or write it records, so both
 * land or neither; a refusal is written with the plain `db` after the work rolled back.
 */
export async function audit(db: Db, ctx: AuditContext, entries: AuditEntry[]): Promise<void> {
  await insertAuditEvents(db, entries.map((e) => toRow(ctx, e)));
}

/**
 * Writes the events a query selects (see `SelectedAuditEvent`), as `audit` does: in the same
 * transaction as the work they record. For many events whose rows the database already holds.
 */
export async function auditSelected(db: Db, ctx: AuditContext, events: RawBuilder<SelectedAuditEvent>): Promise<void> {
  await insertSelectedAuditEvents(db, actorColumns(ctx), events);
}

/**
 * The same event for each row a read yields, to run in the read's own statement (one round trip,
 * one transaction): the caller gives the rows as a query of `entity_id` (text) and `citizen_id`.
 */
export type AuditInsert = (rows: RawBuilder<unknown>) => RawBuilder<unknown>;

export function auditEachRow(ctx: AuditContext, entry: Omit<AuditEntry, 'citizenId' | 'entityId'>): AuditInsert {
  const row = toRow(ctx, { ...entry, citizenId: null });
  return (rows) => auditEventsInsert(row, rows);
}

export type { AuditEventRecord } from './audit.repository.ts';

/**
 * A citizen's audit events, newest first, one page. Reading the log is itself a read of the
 * citizen's data: the caller decides who may and audits it.
 */
export function citizenAuditEvents(db: Db, citizenId: string, page: { limit: number; offset: number }): Promise<{ total: number; events: AuditEventRecord[] }> {
  return selectCitizenAuditEvents(db, citizenId, page);
}

/** One audit event by its number (digits only), or undefined; the caller decides who may see it. */
export function auditEventById(db: Db, id: string): Promise<AuditEventRecord | undefined> {
  if (!/^[1-9][0-9]{0,17}$/.test(id)) return Promise.resolve(undefined);
  return selectAuditEvent(db, id);
}
