/**
 * What the audit review's benchmark adds to issue 13's copy of the national set (it already holds
 * the audit log at national volume, citizen-setup.ts), set-based and once (kept):
 *
 * - in the municipality measured, a data-protection reviewer (`syn.<code>.auditor1`, role
 *   `auditor`) and an administrator (`syn.<code>.administrator1`), and a reviewer in a small
 *   municipality too; synthetic, so the benchmark may sign in as them (the generated set has
 *   neither role);
 * - **staff sessions at national volume**: the generated set has none, and sessions live at most
 *   12 hours (expired ones are removed every five minutes), so the table holds the staff signed in
 *   on a working day: every staff user two open sessions (a workstation and a phone) and one expired
 *   a minute ago, not yet removed;
 * - **the log vacuumed once** after its bulk load, as autovacuum does under migration 0054's
 *   settings (every 10,000 new events), so its pages are marked all-visible and the alerts' index-only
 *   scans read no table pages — as in a live log, whose unmarked tail is a few days;
 * - **the municipality's real staff**: the administrator's list leaves synthetic users out (no one
 *   signs in as them), so as many non-synthetic users as the municipality has synthetic ones, with a
 *   role each and none to three open sessions.
 */
import { sql } from 'kysely';
import type { Db } from '../../apps/server/src/platform/database/database.ts';

function log(line: string): void {
  process.stdout.write(`    ${line}\n`);
}

export type AuditReviewVolume = { sessions: number; staff: number; municipalityStaff: number };

export async function ensureAuditReviewData(db: Db, municipalityCode: string, small: string, now: Date): Promise<AuditReviewVolume> {
  const m = municipalityCode;
  for (const [code, role] of [[m, 'auditor'], [m, 'administrator'], [small, 'auditor']] as const) {
    const username = `syn.${code}.${role}1`;
    if ((await sql`select 1 from staff_user where username = ${username}`.execute(db)).rows.length === 0) {
      log(`adding ${username} …`);
      await sql`with u as (insert into staff_user (id, username, display_name, municipality_code, profession, is_synthetic)
          values (gen_random_uuid(), ${username}, ${`Syntetisk ${role === 'auditor' ? 'tilsyn' : 'administrator'} ${code}-1`}, ${code}, 'other', true) returning id)
        insert into staff_role (staff_user_id, role) select id, ${role} from u`.execute(db);
    }
  }
  if ((await sql`select 1 from staff_user where username like ${`bench.${m}.%`} limit 1`.execute(db)).rows.length === 0) {
    log(`adding the real staff of ${m} …`);
    await sql`with u as (
        insert into staff_user (id, username, display_name, municipality_code, profession, is_synthetic)
        select gen_random_uuid(), 'bench.' || ${m} || '.' || n, 'Medarbejder ' || ${m} || '-' || n, ${m}, 'nurse', false
        from generate_series(1, greatest(100, (select count(*) from staff_user where municipality_code = ${m} and is_synthetic))) n
        returning id, username)
      insert into staff_role (staff_user_id, role)
      select id, (array['contact_person','therapist','municipal_lead'])[1 + abs(hashtext(username)) % 3] from u`.execute(db);
  }
  if ((await sql`select 1 from staff_session where user_agent = 'bench-session' limit 1`.execute(db)).rows.length === 0) {
    log('adding staff sessions at national volume …');
    // Synthetic users: two open, one expired; the municipality's real staff: none to three open.
    await sql`insert into staff_session (token_hash, staff_user_id, csrf_secret, created_at, last_seen_at, idle_expires_at, absolute_expires_at, user_agent)
      select encode(sha256((u.id::text || n)::bytea), 'hex'), u.id, md5(u.id::text || n || 'csrf'),
        ${now}::timestamptz - interval '3 hours' + n * interval '10 minutes',
        ${now}::timestamptz - case when n = 3 then interval '31 minutes' else n * interval '4 minutes' end,
        ${now}::timestamptz + case when n = 3 then interval '-1 minute' else interval '30 minutes' - n * interval '4 minutes' end,
        ${now}::timestamptz + interval '9 hours',
        'bench-session'
      from staff_user u cross join generate_series(1, 3) n
      where case when u.is_synthetic then true else n <= abs(hashtext(u.username)) % 4 end`.execute(db);
    await sql`analyze staff_session`.execute(db);
    await sql`analyze staff_user`.execute(db);
    await sql`analyze staff_role`.execute(db);
  }
  const visible = (await sql<{ share: number }>`select relallvisible::float / greatest(relpages, 1) as share from pg_class where relname = 'audit_event'`.execute(db)).rows[0]?.share ?? 0;
  if (visible < 0.9) {
    log('vacuuming the audit log once (its bulk load left no page marked all-visible) …');
    await sql`vacuum (analyze) audit_event`.execute(db);
  }
  const n = async (q: ReturnType<typeof sql<{ n: string }>>) => Number((await q.execute(db)).rows[0]?.n ?? 0);
  return {
    sessions: await n(sql<{ n: string }>`select count(*) as n from staff_session`),
    staff: await n(sql<{ n: string }>`select count(*) as n from staff_user`),
    municipalityStaff: await n(sql<{ n: string }>`select count(*) as n from staff_user where municipality_code = ${m} and not is_synthetic`),
  };
}
