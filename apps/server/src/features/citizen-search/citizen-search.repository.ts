import { sql, type RawBuilder } from 'kysely';
import type { AuditInsert } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/database/database.ts';
import type { CitizenSearchTerms } from './citizen-search.rules.ts';

export type CitizenSearchRecord = {
  id: string;
  cpr: string | null;
  pseudonym: string | null;
  givenName: string;
  familyName: string;
  home: boolean;
  courses: { courseId: string; receivedOn: string; closedOn: string | null }[];
  incomingReferrals: { id: string; receivedOn: string; homeCode: string; homeName: string }[];
};

/** Where the actor's municipality sees citizens: as their home municipality, as a provider, or both. */
export type CitizenSearchScope = { municipalityCode: string; home: boolean; provider: boolean };

/**
 * The citizens a search finds within the scope, at most `limit` (and whether there were more),
 * each audited in the same statement (`auditHome` / `auditProvider`, by the scope they are seen
 * in). A CPR number is found by its unique index and its visibility checked per citizen; a name
 * is looked for only among the scope's citizens, which the municipality indexes of citizen,
 * referral and cross_referral give.
 */
export async function searchCitizens(
  db: Db,
  scope: CitizenSearchScope,
  terms: CitizenSearchTerms,
  limit: number,
  audits: { home: AuditInsert; provider: AuditInsert },
): Promise<{ records: CitizenSearchRecord[]; truncated: boolean }> {
  const m = scope.municipalityCode;
  const homeSees = (c: RawBuilder<unknown>) =>
    scope.home ? sql`(${c}.home_municipality_code = ${m} or exists (select 1 from referral r where r.citizen_id = ${c}.id and r.home_municipality_code = ${m}))` : sql`false`;
  const sentHere = sql`x.provider_municipality_code = ${m} and x.kind = 'cross_municipal' and x.sent_at is not null`;
  const providerSees = (c: RawBuilder<unknown>) =>
    scope.provider
      ? sql`exists (select 1 from cross_referral x join course k on k.id = x.course_id join referral r on r.id = k.referral_id where r.citizen_id = ${c}.id and ${sentHere})`
      : sql`false`;
  const c = sql.raw('c');
  let where: RawBuilder<unknown>;
  if (terms.by === 'cpr') {
    where = sql`c.cpr = ${terms.cpr} and (${homeSees(c)} or ${providerSees(c)})`;
  } else {
    const candidates = [
      ...(scope.home ? [sql`select id from citizen where home_municipality_code = ${m}`, sql`select citizen_id from referral where home_municipality_code = ${m}`] : []),
      ...(scope.provider ? [sql`select r.citizen_id from cross_referral x join course k on k.id = x.course_id join referral r on r.id = k.referral_id where ${sentHere}`] : []),
    ];
    const words = terms.patterns.map((p) => sql`lower(c.given_name || ' ' || c.family_name) like ${p} escape '\\'`);
    where = sql`c.id in (${sql.join(candidates, sql` union `)}) and ${sql.join(words, sql` and `)}`;
  }
  const result = await sql<{
    id: string;
    cpr: string | null;
    pseudonym: string | null;
    given_name: string;
    family_name: string;
    home: boolean;
    more: boolean;
    courses: { course_id: string; received_on: string; closed_on: string | null }[];
    incoming: { id: string; received_on: string; home_code: string; home_name: string }[];
  }>`
    with found as materialized (
      select c.id, c.cpr, c.pseudonym, c.given_name, c.family_name, ${homeSees(c)} as home
      from citizen c where ${where}
      order by c.family_name, c.given_name, c.id
      limit ${limit + 1}
    ),
    shown as materialized (select * from found order by family_name, given_name, id limit ${limit}),
    audited_home as (${audits.home(sql`select id::text as entity_id, id as citizen_id from shown where home`)} returning 1),
    audited_provider as (${audits.provider(sql`select id::text as entity_id, id as citizen_id from shown where not home`)} returning 1)
    select s.*, (select count(*) from found) > ${limit} as more,
      case when s.home then coalesce((
        select json_agg(json_build_object('course_id', k.id, 'received_on', r.received_on, 'closed_on', k.closed_on) order by r.received_on desc, k.id)
        from referral r join course k on k.referral_id = r.id
        where r.citizen_id = s.id and r.home_municipality_code = ${m}), '[]') else '[]' end as courses,
      case when s.home then '[]' else coalesce((
        select json_agg(json_build_object('id', x.id, 'received_on', x.received_on, 'home_code', hm.code, 'home_name', hm.name) order by x.received_on desc, x.id)
        from cross_referral x join course k on k.id = x.course_id join referral r on r.id = k.referral_id join municipality hm on hm.code = r.home_municipality_code
        where r.citizen_id = s.id and ${sentHere}), '[]') end as incoming
    from shown s
    order by s.family_name, s.given_name, s.id`.execute(db);
  return {
    truncated: result.rows[0]?.more ?? false,
    records: result.rows.map((r) => ({
      id: r.id,
      cpr: r.cpr,
      pseudonym: r.pseudonym,
      givenName: r.given_name,
      familyName: r.family_name,
      home: r.home,
      courses: r.courses.map((k) => ({ courseId: k.course_id, receivedOn: k.received_on, closedOn: k.closed_on })),
      incomingReferrals: r.incoming.map((x) => ({ id: x.id, receivedOn: x.received_on, homeCode: x.home_code, homeName: x.home_name })),
    })),
  };
}
