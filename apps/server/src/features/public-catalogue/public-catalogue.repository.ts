import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';
import type { PublicOffering } from './public-catalogue.rules.ts';

/*
 * The public catalogue's one read (a registered reader of the catalogue's, the teams' and the
 * municipalities' tables, table-owners.ts): every offering valid today of an active intervention,
 * with its dose parts, its host, the home municipalities routed to it today, and from its teams
 * the enrolled count, rolling admission and the next session. No citizen is read: the enrolments
 * are only counted.
 */
export async function listPublicOfferings(db: Db, today: string, now: Date): Promise<PublicOffering[]> {
  const rows = await db
    .selectFrom('offering as o')
    .innerJoin('intervention as i', 'i.code', 'o.intervention_code')
    .innerJoin('municipality as m', 'm.code', 'o.host_municipality_code')
    .select([
      'o.id',
      'i.code',
      'i.name_da',
      'i.name_en',
      'i.description_da',
      'i.purpose_da',
      'i.target_text_da',
      'i.target_min_age',
      'i.target_max_age',
      'i.target_diagnoses',
      'i.team_mode',
      'm.code as host_code',
      'm.name as host_name',
      'm.unit_phone',
      'o.place_name',
      'o.address',
      'o.capacity',
      sql<{ part: string; sessions: number; upTo: boolean; perWeek: number | string | null; minutes: number }[]>`coalesce((select json_agg(json_build_object('part', d.part, 'sessions', d.sessions, 'upTo', d.up_to, 'perWeek', d.per_week, 'minutes', d.minutes) order by d.part) from intervention_dose_part d where d.intervention_code = i.code), '[]'::json)`.as('dose'),
      sql<{ code: string; name: string; phone: string | null }[]>`coalesce((select json_agg(json_build_object('code', hm.code, 'name', hm.name, 'phone', hm.unit_phone) order by hm.name) from routing rt join municipality hm on hm.code = rt.home_municipality_code where rt.offering_id = o.id and rt.valid_from <= ${today} and (rt.valid_to is null or rt.valid_to >= ${today})), '[]'::json)`.as('referred_from'),
      sql<string>`(select count(*) from enrolment e join team t on t.id = e.team_id where t.offering_id = o.id and e.status = 'enrolled')`.as('enrolled'),
      sql<boolean>`exists (select 1 from team t where t.offering_id = o.id and t.mode = 'rolling' and (t.ends_on is null or t.ends_on >= ${today}))`.as('rolling_team'),
      sql<Date | null>`(select min(s.starts_at) from team_session s join team t on t.id = s.team_id where t.offering_id = o.id and not s.cancelled and s.starts_at >= ${now})`.as('next_session_at'),
    ])
    .where('i.active', '=', true)
    .where('o.valid_from', '<=', today)
    .where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('o.valid_to', '>=', today)]))
    .orderBy('i.name_da')
    .orderBy('m.name')
    .orderBy('o.place_name')
    .execute();
  return rows.map((r) => ({
    offeringId: r.id,
    interventionCode: r.code,
    nameDa: r.name_da,
    nameEn: r.name_en,
    descriptionDa: r.description_da,
    purposeDa: r.purpose_da,
    targetTextDa: r.target_text_da,
    targetMinAge: r.target_min_age,
    targetMaxAge: r.target_max_age,
    targetDiagnoses: r.target_diagnoses,
    dose: r.dose.map((d) => ({ part: d.part, sessions: d.sessions, upTo: d.upTo, minutes: d.minutes, perWeek: d.perWeek === null ? null : Number(d.perWeek) })),
    hostCode: r.host_code,
    hostName: r.host_name,
    placeName: r.place_name,
    address: r.address,
    hostPhone: r.unit_phone,
    capacity: r.capacity,
    enrolled: Number(r.enrolled),
    rolling: r.rolling_team || r.team_mode === 'rolling',
    nextSessionAt: r.next_session_at === null ? null : new Date(r.next_session_at),
    referredFrom: r.referred_from,
  }));
}

/** The member municipalities (for the search form) and the diagnosis titles of the catalogue's target prefixes. */
export async function listSearchChoices(db: Db): Promise<{ municipalities: { code: string; name: string }[]; diagnoses: { code: string; title: string }[] }> {
  const municipalities = await db.selectFrom('municipality').select(['code', 'name']).where('is_member', '=', true).orderBy('name').execute();
  const diagnoses = await db
    .selectFrom('diagnosis as d')
    .select(['d.code', 'd.title_da as title'])
    .where(sql<boolean>`d.code in (select unnest(i.target_diagnoses) from intervention i where i.active)`)
    .orderBy('d.code')
    .execute();
  return { municipalities, diagnoses };
}
