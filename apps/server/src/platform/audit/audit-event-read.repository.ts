import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../database/database.ts';

/**
 * One audit event as the logs that show it to people read it — the citizen's "Hvem har set mine
 * oplysninger" (features/access-log) and the data-protection review (features/audit-review): who
 * by name and municipality, the roles they had, about which citizen. (audit.repository.ts's
 * `AuditEventRecord` is the row as written, for the FHIR AuditEvent.)
 */
export type ShownAuditEvent = {
  id: string;
  at: Date;
  /** The instant in microseconds since the epoch: the page cursor, exact (a Date keeps only milliseconds). */
  atMicros: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  purpose: string | null;
  outcome: 'allowed' | 'denied' | 'failed';
  actorUserId: string | null;
  actorCitizenId: string | null;
  actorLabel: string;
  actorName: string | null;
  actorMunicipalityCode: string | null;
  actorMunicipalityName: string | null;
  actorRoles: string[];
  citizenId: string | null;
  /** The citizen's name when asked for (`withCitizen`), else null. */
  citizenName: string | null;
};

/** A keyset position on (at, id): the page reads the rows older than it. */
export type AuditEventCursor = { atMicros: string; id: string };

export type AuditEventPageQuery = {
  /** Conditions on `e` (audit_event), and on `c` (citizen) when `withCitizen`. */
  where: readonly RawBuilder<unknown>[];
  /** Join the event's citizen as `c` (for its name, or a condition on it). */
  withCitizen: boolean;
  before: AuditEventCursor | null;
  limit: number;
};

const instant = (micros: string) => sql`timestamptz 'epoch' + (${micros}::bigint * interval '1 microsecond')`;

/**
 * A page of events, newest first, by keyset on (at, id): never an offset, never a count. The
 * callers' conditions choose the index (`audit_event_citizen_id_at_idx`, `audit_event_actor_idx`,
 * `audit_event_at_idx`); each bounds `at`, and the bare bound on `at` from the cursor is the
 * index's (it has no id) while the row comparison breaks ties within one instant.
 */
export async function selectAuditEventPage(db: Db, q: AuditEventPageQuery): Promise<ShownAuditEvent[]> {
  const where = [...q.where];
  if (q.before) where.push(sql`e.at <= ${instant(q.before.atMicros)} and (e.at, e.id) < (${instant(q.before.atMicros)}, ${q.before.id}::bigint)`);
  const r = await sql<{
    id: string | number;
    at: Date | string;
    at_micros: string;
    action: string;
    entity_type: string | null;
    entity_id: string | null;
    purpose: string | null;
    outcome: ShownAuditEvent['outcome'];
    actor_user_id: string | null;
    actor_citizen_id: string | null;
    actor_label: string;
    actor_name: string | null;
    actor_municipality: string | null;
    municipality_name: string | null;
    actor_roles: string[];
    citizen_id: string | null;
    citizen_name: string | null;
  }>`
    select e.id, e.at, (extract(epoch from e.at) * 1000000)::bigint::text as at_micros, e.action, e.entity_type, e.entity_id, e.purpose, e.outcome,
      e.actor_user_id, e.actor_citizen_id, e.actor_label, su.display_name as actor_name, e.actor_municipality, m.name as municipality_name, e.actor_roles,
      e.citizen_id, ${q.withCitizen ? sql`c.given_name || ' ' || c.family_name` : sql`null::text`} as citizen_name
    from audit_event e
    ${q.withCitizen ? sql`left join citizen c on c.id = e.citizen_id` : sql``}
    left join staff_user su on su.id = e.actor_user_id
    left join municipality m on m.code = e.actor_municipality
    where ${where.length ? sql.join(where, sql` and `) : sql`true`}
    order by e.at desc, e.id desc
    limit ${q.limit}`.execute(db);
  return r.rows.map((x) => ({
    id: String(x.id),
    at: new Date(x.at),
    atMicros: x.at_micros,
    action: x.action,
    entityType: x.entity_type,
    entityId: x.entity_id,
    purpose: x.purpose,
    outcome: x.outcome,
    actorUserId: x.actor_user_id,
    actorCitizenId: x.actor_citizen_id,
    actorLabel: x.actor_label,
    actorName: x.actor_name,
    actorMunicipalityCode: x.actor_municipality,
    actorMunicipalityName: x.municipality_name,
    actorRoles: x.actor_roles,
    citizenId: x.citizen_id,
    citizenName: x.citizen_name,
  }));
}
