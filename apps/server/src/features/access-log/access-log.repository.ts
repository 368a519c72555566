import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';

/** One read of a citizen's data as the log shows it, with who read it by name and municipality. */
export type AccessLogRecord = {
  id: string;
  at: Date;
  /** The instant in microseconds since the epoch: the page cursor, exact (a Date keeps only milliseconds). */
  atMicros: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  purpose: string | null;
  actorUserId: string | null;
  actorCitizenId: string | null;
  actorLabel: string;
  actorName: string | null;
  actorMunicipalityCode: string | null;
  actorMunicipalityName: string | null;
  actorRoles: string[];
};

export type AccessLogCursor = { atMicros: string; id: string };

/**
 * A page of the citizen's reads, newest first, by keyset on (at, id) under the index
 * `audit_event_citizen_idx` (citizen_id, at): never an offset, never a count — the log of a
 * citizen grows with every read. `actions` is the fixed list of read actions. One more row than
 * asked tells whether an older page exists.
 */
export async function selectAccessLogPage(db: Db, citizenId: string, actions: readonly string[], page: { before: AccessLogCursor | null; limit: number }): Promise<AccessLogRecord[]> {
  const before = page.before;
  const r = await sql<{
    id: string | number;
    at: Date | string;
    at_micros: string;
    action: string;
    entity_type: string | null;
    entity_id: string | null;
    purpose: string | null;
    actor_user_id: string | null;
    actor_citizen_id: string | null;
    actor_label: string;
    actor_name: string | null;
    actor_municipality: string | null;
    municipality_name: string | null;
    actor_roles: string[];
  }>`
    select e.id, e.at, (extract(epoch from e.at) * 1000000)::bigint::text as at_micros, e.action, e.entity_type, e.entity_id, e.purpose,
      e.actor_user_id, e.actor_citizen_id, e.actor_label, su.display_name as actor_name, e.actor_municipality, m.name as municipality_name, e.actor_roles
    from audit_event e
    left join staff_user su on su.id = e.actor_user_id
    left join municipality m on m.code = e.actor_municipality
    where e.citizen_id = ${citizenId}::uuid
      and e.outcome = 'allowed'
      and e.action = any(${[...actions]}::text[])
      ${
        before
          ? // The bare bound on `at` is the index's (it has no id); the row comparison breaks ties within one instant.
            sql`and e.at <= timestamptz 'epoch' + (${before.atMicros}::bigint * interval '1 microsecond')
              and (e.at, e.id) < (timestamptz 'epoch' + (${before.atMicros}::bigint * interval '1 microsecond'), ${before.id}::bigint)`
          : sql``
      }
    order by e.at desc, e.id desc
    limit ${page.limit}`.execute(db);
  return r.rows.map((x) => ({
    id: String(x.id),
    at: new Date(x.at),
    atMicros: x.at_micros,
    action: x.action,
    entityType: x.entity_type,
    entityId: x.entity_id,
    purpose: x.purpose,
    actorUserId: x.actor_user_id,
    actorCitizenId: x.actor_citizen_id,
    actorLabel: x.actor_label,
    actorName: x.actor_name,
    actorMunicipalityCode: x.actor_municipality,
    actorMunicipalityName: x.municipality_name,
    actorRoles: x.actor_roles,
  }));
}
