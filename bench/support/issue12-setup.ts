/**
 * What issue 12's benchmarks add to their copy of the national set (run.ts `issue12`), each step
 * idempotent (done once, kept):
 *
 * - two citizens carry an official test person's CPR number: synthetic citizens have pseudonyms,
 *   and the FHIR API finds a citizen by CPR only;
 * - an organisations register of a national size (the generated set has none);
 * - `message` rows as ten years of closing notes and their acknowledgements would leave;
 * - SOR codes for every municipality (the KL Gateway export needs them), and schema `bench` with a
 *   view `bench.citizen` that shows every citizen as reportable with one test person's CPR number
 *   (the export never reports synthetic citizens): only a connection with search_path
 *   `bench, public` sees it (klDatabaseUrl).
 */
import { sql } from 'kysely';
import type { Db } from '../../apps/server/src/platform/database/database.ts';
import { databaseUrl } from '../../apps/server/src/test-support/postgres-admin.ts';
import { postgresAdminUrl } from './datasets.ts';

/** Official test persons (refdata/cpr): Niels Test Vendelboe, Muhammed Test Abdul, Bo Test Vestergaard. */
export const TEST_CPR = { home: '3001749995', provider: '1007059995', kl: '0212159995' } as const;

/**
 * A citizen given `cpr` in place of the pseudonym (once; found by it later): the one whose records
 * reach furthest — with `home`, the most courses and cross-referrals of that home municipality;
 * with `provider`, the most attendances in cross-municipal referrals that municipality accepted.
 */
export async function citizenWithCpr(db: Db, cpr: string, pick: { home: string } | { provider: string }): Promise<string> {
  const known = await db.selectFrom('citizen').select('id').where('cpr', '=', cpr).executeTakeFirst();
  if (known) return known.id;
  const best = (
    'home' in pick
      ? await sql<{ citizen_id: string }>`
          select r.citizen_id from referral r join course k on k.referral_id = r.id left join cross_referral x on x.course_id = k.id
          left join closing_note n on n.course_id = k.id
          where r.home_municipality_code = ${pick.home} group by 1 order by count(*) + count(n.id) desc, 1 limit 1`.execute(db)
      : await sql<{ citizen_id: string }>`
          select r.citizen_id from referral r join course k on k.referral_id = r.id join cross_referral x on x.course_id = k.id
          join enrolment e on e.cross_referral_id = x.id join attendance a on a.enrolment_id = e.id
          where x.provider_municipality_code = ${pick.provider} and r.home_municipality_code <> ${pick.provider}
            and x.kind = 'cross_municipal' and x.provider_decision = 'accepted' and x.sent_at is not null
          group by 1 order by count(*) desc, 1 limit 1`.execute(db)
  ).rows[0];
  if (!best) throw new Error(`no citizen to give a CPR number (${JSON.stringify(pick)})`);
  await sql`update citizen set cpr = ${cpr}, pseudonym = null where id = ${best.citizen_id}`.execute(db);
  return best.citizen_id;
}

/**
 * The organisations register at a national size (the generated set has none): 1,700 GP clinics,
 * 60 hospitals with 40 departments each, 300 municipal units — each with a SOR code and a GLN.
 */
export async function ensureOrganisations(db: Db): Promise<number> {
  const count = async () => Number((await sql<{ n: string }>`select count(*) as n from organisation`.execute(db)).rows[0]?.n ?? 0);
  if ((await count()) > 0) return count();
  await db.transaction().execute(async (trx) => {
    await sql`insert into organisation (kind, name, sor_code, ean, ydernummer, address)
      select 'gp_clinic', 'Syntetisk lægepraksis ' || g, (100000000000 + g)::text, (5790000100000 + g)::text, lpad(g::text, 6, '0'), 'Syntetisk vej ' || g from generate_series(1, 1700) g`.execute(trx);
    await sql`insert into organisation (kind, name, sor_code, ean)
      select 'hospital', 'Syntetisk hospital ' || g, (200000000000 + g)::text, (5790000200000 + g)::text from generate_series(1, 60) g`.execute(trx);
    await sql`insert into organisation (kind, name, parent_id, sor_code, ean)
      select 'hospital_department', 'Syntetisk afdeling ' || d || ', ' || h.name, h.id, (300000000000 + h.n * 100 + d)::text, (5790000300000 + h.n * 100 + d)::text
      from (select id, name, row_number() over (order by name) as n from organisation where kind = 'hospital') h cross join generate_series(1, 40) d`.execute(trx);
    await sql`insert into organisation (kind, name, municipality_code, sor_code, ean)
      select 'municipal_unit', 'Syntetisk enhed ' || g || ', ' || m.code, m.code, (400000000000 + m.n * 10 + g)::text, (5790000400000 + m.n * 10 + g)::text
      from (select code, row_number() over (order by code) as n from municipality) m cross join generate_series(1, 3) g`.execute(trx);
  });
  await sql`analyze organisation`.execute(db);
  return count();
}

const MESSAGE_MARK = 'bench-issue12-';

/**
 * Ten years of outgoing closing notes (one per note the data set holds — about 20,000 a year
 * nationally) and their acknowledgements coming back, with payloads of a closing note's size;
 * the last week's notes still wait for their acknowledgement (due), a few failed.
 */
export async function ensureMessages(db: Db, today: string): Promise<number> {
  const have = await sql<{ n: string }>`select count(*) as n from message where envelope_id like ${`${MESSAGE_MARK}%`}`.execute(db);
  if (Number(have.rows[0]?.n ?? 0) > 0) return Number(have.rows[0]?.n);
  await db.transaction().execute(async (trx) => {
    await sql`
      create temporary table bench_note on commit drop as
      select n.id, n.course_id, r.citizen_id, r.home_municipality_code as code, (n.sent_on + time '10:00') at time zone 'Europe/Copenhagen' as at,
        n.sent_on > ${today}::date - 7 as waiting, (hashtext(n.id::text) & 1023) < 5 as failed
      from closing_note n join course k on k.id = n.course_id join referral r on r.id = k.referral_id where n.sent_on is not null`.execute(trx);
    // A closing note is some 4 kB of FHIR JSON; hex of random digests does not compress away.
    await sql`
      insert into message (direction, format, kind, state, envelope_id, letter_id, sender_id, receiver_id, municipality_code, course_id, citizen_id,
        sends, next_send_at, sent_at, acknowledged_at, acknowledgement_code, reason_code, content_type, payload, created_at, updated_at)
      select 'out', 'fhir_json', 'care_communication', case when failed then 'failed' when waiting then 'sent' else 'delivered' end,
        ${MESSAGE_MARK} || n.id, n.id::text, 'bench-sender-' || n.code, 'bench-gp', n.code, n.course_id, n.citizen_id,
        1, case when waiting and not failed then n.at + interval '1 hour' end, n.at, case when not waiting then n.at + interval '5 minutes' end,
        case when failed then 'fatal-error' when not waiting then 'ok' end, case when failed then 'bench' end,
        'application/fhir+json', convert_to((select string_agg(md5(n.id::text || g), '') from generate_series(1, 128) g), 'UTF8'), n.at, n.at
      from bench_note n`.execute(trx);
    await sql`
      insert into message (direction, format, kind, state, envelope_id, letter_id, sender_id, receiver_id, municipality_code, answers_id,
        content_type, payload, created_at, updated_at)
      select 'in', 'fhir_json', 'acknowledgement', 'accepted', ${`${MESSAGE_MARK}ack-`} || m.id, 'ack-' || m.id, 'bench-gp', m.sender_id, m.municipality_code, m.id,
        'application/fhir+json', convert_to((select string_agg(md5(m.id::text || g), '') from generate_series(1, 32) g), 'UTF8'), m.acknowledged_at, m.acknowledged_at
      from message m where m.envelope_id like ${`${MESSAGE_MARK}%`} and m.acknowledged_at is not null`.execute(trx);
  });
  await sql`analyze message`.execute(db);
  return Number((await sql<{ n: string }>`select count(*) as n from message where envelope_id like ${`${MESSAGE_MARK}%`}`.execute(db)).rows[0]?.n ?? 0);
}

/**
 * SOR codes for every municipality (9…, as the KL export's demo test gives them); for §140
 * referrals the discharge date and a referring hospital department (the generator records
 * neither, and §140 reports need both); and `bench.citizen`.
 */
export async function ensureKlSetup(db: Db): Promise<void> {
  await sql`insert into kl_gateway_municipality (municipality_code, custodian_sor, unit_sor)
    select code, '9' || code || '00000000', '9' || code || '00000001' from municipality on conflict do nothing`.execute(db);
  await ensureOrganisations(db);
  await sql`update referral r set discharged_on = r.received_on - 2, referring_organisation_id = d.id
    from (select id, row_number() over (order by sor_code) - 1 as n, count(*) over () as total from organisation where kind = 'hospital_department') d
    where r.legal_basis = 'SUL140' and r.discharged_on is null and d.n = (hashtext(r.id::text) & 2147483647) % d.total`.execute(db);
  const columns = (
    await sql<{ list: string }>`
      select string_agg(case column_name when 'cpr' then ${`coalesce(cpr, '${TEST_CPR.kl}') as cpr`} when 'is_synthetic' then 'false as is_synthetic' else quote_ident(column_name) end, ', ' order by ordinal_position) as list
      from information_schema.columns where table_schema = 'public' and table_name = 'citizen'`.execute(db)
  ).rows[0]?.list;
  if (!columns) throw new Error('no citizen table');
  await sql`create schema if not exists bench`.execute(db);
  await sql.raw(`create or replace view bench.citizen as select ${columns} from public.citizen`).execute(db);
}

/** The copy's URL for a connection that sees `bench.citizen` in place of the table. */
export function klDatabaseUrl(name: string): string {
  const url = new URL(databaseUrl(postgresAdminUrl, name));
  url.searchParams.set('options', '-c search_path=bench,public');
  return url.toString();
}
