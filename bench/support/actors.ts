import type { Role } from '@samkraft/contracts/common';
import type { StaffActor } from '../../apps/server/src/platform/auth/actor.ts';
import type { Database } from '../../apps/server/src/platform/database/database.ts';
import { sql } from 'kysely';

/** A synthetic staff user of the generated data, as the actor a service call runs as. */
export async function syntheticActor(database: Database, username: string): Promise<StaffActor> {
  const s = await database.db
    .selectFrom('staff_user as s')
    .select(['s.id', 's.username', 's.display_name', 's.municipality_code', 's.profession'])
    .select((eb) => eb.selectFrom('staff_role as r').whereRef('r.staff_user_id', '=', 's.id').select(sql<Role[]>`array_agg(r.role)`.as('roles')).as('roles'))
    .where('s.username', '=', username)
    .executeTakeFirstOrThrow();
  return { kind: 'staff', userId: s.id, username: s.username, displayName: s.display_name, municipalityCode: s.municipality_code, roles: s.roles ?? [], profession: s.profession };
}

/** The municipality with the most open courses, and one with few; each with its busiest contact person. */
export async function pickMunicipalities(database: Database): Promise<{ largest: { code: string; open: number; contact: string }; small: { code: string; open: number; contact: string } }> {
  const rows = await sql<{ code: string; open: number; contact: string; contact_open: number }>`
    with open as (
      select r.home_municipality_code as code, a.staff_user_id, count(*)::int as n
      from course k join referral r on r.id = k.referral_id
      join course_assignment a on a.course_id = k.id and a.ended_at is null
      where k.closed_on is null group by 1, 2
    )
    select o.code, sum(o.n) over (partition by o.code)::int as open, s.username as contact, o.n as contact_open
    from open o join staff_user s on s.id = o.staff_user_id
    order by 2 desc, 4 desc`.execute(database.db);
  const byCode = new Map<string, { code: string; open: number; contact: string }>();
  for (const r of rows.rows) if (!byCode.has(r.code)) byCode.set(r.code, { code: r.code, open: r.open, contact: r.contact });
  const list = [...byCode.values()];
  const largest = list[0];
  const small = list[Math.floor(list.length * 0.75)] ?? list.at(-1);
  if (!largest || !small) throw new Error('the data set has no open courses');
  return { largest, small };
}
