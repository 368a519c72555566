import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';

export async function listMunicipalities(db: Db, membersOnly: boolean) {
  let q = db.selectFrom('municipality').select(['code', 'name', 'is_member', 'lat', 'lon']);
  if (membersOnly) q = q.where('is_member', '=', true);
  return q.orderBy('code').execute();
}

export async function listInterventions(db: Db, today: string) {
  return db
    .selectFrom('intervention as i')
    .select([
      'i.code',
      'i.name_da',
      'i.name_en',
      'i.category',
      'i.form',
      'i.target_text_da',
      sql<{ part: string; sessions: number; upTo: boolean; perWeek: number | null; minutes: number }[]>`coalesce((select json_agg(json_build_object('part', d.part, 'sessions', d.sessions, 'upTo', d.up_to, 'perWeek', d.per_week, 'minutes', d.minutes) order by d.part) from intervention_dose_part d where d.intervention_code = i.code), '[]'::json)`.as('dose'),
      sql<{ code: string; name: string }[]>`coalesce((select json_agg(distinct jsonb_build_object('code', m.code, 'name', m.name)) from offering o join municipality m on m.code = o.host_municipality_code
        where o.intervention_code = i.code and o.valid_from <= ${today} and (o.valid_to is null or o.valid_to >= ${today})), '[]'::json)`.as('hosts'),
    ])
    .where('i.active', '=', true)
    .orderBy('i.name_da')
    .execute();
}
