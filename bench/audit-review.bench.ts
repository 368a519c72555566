/**
 * The data-protection review of the audit log (issue 15.4, "Tilsyn med adgang") and the session
 * lists (issue 15.5) at the national volume, over the whole app (app.inject with a staff session
 * cookie: the session's resolution, the person-data gate, the route, the service, the audit in the
 * read's transaction, the response's schema): the events page for a period (the first page and a
 * page from the middle of the period by keyset), per citizen and per user; the export of a month;
 * the alert list of unusual reads for 31 days and for the longest period the service allows; a
 * user's own sessions and an administrator's staff with their sessions.
 *
 * Each against its floor measured in the same run: one hand-written statement fetching the same
 * rows by the simplest index — a page's rows by primary key (with the names the page shows), the
 * alerts' reads per user of the municipality by `audit_event_actor_idx` (actor_user_id, at) and per
 * citizen of it by the index on (citizen_id, at), counted per user, the sessions by their user's
 * index.
 * Every statement's plan (EXPLAIN ANALYZE, BUFFERS) is written to bench/plans-issue15.md, scans
 * over big tables flagged. The municipality is the one with the most open courses (the most
 * events); on issue 13's copy of the national set, whose audit log is at national volume
 * (support/citizen-setup.ts), with what support/audit-review-setup.ts adds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../apps/server/src/app.ts';
import { readActions } from '../apps/server/src/features/access-log/access-log-wording.ts';
import { selectAuditReviewPage } from '../apps/server/src/features/audit-review/audit-review.repository.ts';
import { ALERT_MAX_DAYS, EXPORT_MAX_ROWS } from '../apps/server/src/features/audit-review/audit-review.rules.ts';
import { signInAsSyntheticUser } from '../apps/server/src/features/auth/auth.service.ts';
import { SESSION_COOKIE } from '../apps/server/src/features/auth/auth.plugin.ts';
import { fixedClock, startOfDanishDay } from '../apps/server/src/platform/clock.ts';
import type { Db } from '../apps/server/src/platform/database/database.ts';
import { syntheticActor, pickMunicipalities } from './support/actors.ts';
import { ensureAuditReviewData } from './support/audit-review-setup.ts';
import { ensureCitizenPortalData } from './support/citizen-setup.ts';
import { benchRoot, type DataSet } from './support/datasets.ts';
import { against, percentile } from './support/measure.ts';
import { catching, explain, findingsMarkdown } from './support/plans.ts';
import type { ResultRow } from './support/results.ts';

const RUNS = 30;
const ALERT_RUNS = 5;
const EXPORT_RUNS = 5;

const day = (date: string, plus: number) => new Date(Date.parse(`${date}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

type Target = { text: string; met: (p: { ours: number; floor: number }) => boolean };
const fiveTimes: Target = { text: '≤ 5× floor', met: (p) => p.ours <= 5 * p.floor };
/**
 * A page: its floor (the page's rows by primary key) is a few milliseconds, so the request's fixed
 * cost decides — the session, the audit of up to 51 events in the read's transaction, the schema.
 */
const aPage: Target = { text: '≤ 100 ms (an interactive page; the floor is a few ms, the request with its audit decides)', met: (p) => p.ours <= 100 };
const aSessionPage: Target = { text: '≤ 50 ms (a page of one’s own account; the floor is one index look-up under a ms)', met: (p) => p.ours <= 50 };
/** The export: a download of up to 10,000 rows read a thousand at a time, every citizen in it audited. */
const aDownload: Target = { text: '≤ 5 s (a file of up to 10,000 rows, every citizen in it audited; not a page)', met: (p) => p.ours <= 5000 };

type Case = {
  measure: string;
  url: string;
  cookie: string;
  /** The floor; `ids` are the event ids ours returned on its first run (a page's floor reads them by primary key). */
  floor: (ids: string[]) => Promise<unknown>;
  floorIs: string;
  runs: number;
  count: (body: string) => { n: number; ids: string[] };
  unit: string;
  who: string;
  target: Target;
};

/** The same events by primary key with the names the page shows, one statement. */
const eventsByIds = (db: Db, ids: string[]) =>
  sql`select e.*, su.display_name, m.name, c.given_name || ' ' || c.family_name as citizen_name from audit_event e
    left join citizen c on c.id = e.citizen_id left join staff_user su on su.id = e.actor_user_id left join municipality m on m.code = e.actor_municipality
    where e.id = any(${ids}::bigint[])`.execute(db);

/**
 * The reads the alerts count, fetched by the keys the log has had since 0001 (per user of the
 * municipality on (actor_user_id, at), per citizen of it on (citizen_id, at)), a read in both once,
 * counted per user — no own-citizen test, no working hours.
 */
const alertReadsFloor = (db: Db, m: string, from: Date, to: Date, actions: readonly string[]) =>
  sql`with r as (
      select e.id, e.actor_user_id from staff_user su cross join lateral (
        select e.id, e.actor_user_id from audit_event e where e.actor_user_id = su.id and e.at >= ${from} and e.at < ${to}
          and e.citizen_id is not null and e.outcome = 'allowed' and e.action = any(${[...actions]}::text[])) e
      where su.municipality_code = ${m}
      union
      select e.id, e.actor_user_id from citizen c cross join lateral (
        select e.id, e.actor_user_id from audit_event e where e.citizen_id = c.id and e.at >= ${from} and e.at < ${to}
          and e.actor_user_id is not null and e.outcome = 'allowed' and e.action = any(${[...actions]}::text[])) e
      where c.home_municipality_code = ${m})
    select actor_user_id, count(*) from r group by 1`.execute(db);

export async function auditReviewBenchmark(data: DataSet, label: string, plansFile = path.join(benchRoot, 'plans-issue15.md')): Promise<ResultRow[]> {
  const { database } = data;
  const db = database.db;
  const clock = fixedClock(`${data.set.today}T09:00:00Z`);
  const now = clock.now();
  // The audit log at national volume (made by the citizen pages' benchmark, or here when it has not run).
  await ensureCitizenPortalData(db, data.set.today);
  const { largest, small } = await pickMunicipalities(database);
  const m = largest.code;
  const volume = await ensureAuditReviewData(db, m, small.code, now);
  const auditEvents = Number((await sql<{ n: string }>`select reltuples::bigint as n from pg_class where relname = 'audit_event'`.execute(db)).rows[0]?.n ?? 0);

  // The periods: the last 31 days to the data's today, and the longest the alerts allow.
  const to = data.set.today;
  const month = { from: day(to, -30), to };
  const longest = { from: day(to, -(ALERT_MAX_DAYS - 1)), to };
  const periodAt = (p: { from: string; to: string }) => ({ from: startOfDanishDay(p.from), to: startOfDanishDay(day(p.to, 1)) });
  const alertActions = readActions.filter((a) => !a.startsWith('audit_review.'));

  // The municipality's citizen and user with the most events (one pass over the municipality's staff's events).
  const busiest = (
    await sql<{ citizen_id: string | null; user_id: string | null; n: string }>`
      select citizen_id, actor_user_id as user_id, count(*) as n from audit_event where actor_municipality = ${m} and citizen_id is not null
      group by grouping sets ((citizen_id), (actor_user_id)) order by count(*) desc`.execute(db)
  ).rows;
  const citizenId = busiest.find((r) => r.citizen_id)?.citizen_id;
  const userId = busiest.find((r) => r.user_id)?.user_id;
  if (!citizenId || !userId) throw new Error(`no events of ${m} in the audit log`);
  const citizenEvents = busiest.find((r) => r.citizen_id === citizenId)?.n ?? '0';
  const userEvents = busiest.find((r) => r.user_id === userId)?.n ?? '0';
  // A page from the middle of the month: the keyset position at its middle instant.
  const middle = new Date((periodAt(month).from.getTime() + periodAt(month).to.getTime()) / 2);
  const cursor = (await sql<{ c: string }>`select (extract(epoch from ${middle}::timestamptz) * 1000000)::bigint::text || '-' || '9223372036854775807' as c`.execute(db)).rows[0]?.c ?? '';
  // The export's rows (up to the bound and one more), for its floor: read once by the repository.
  const exportIds: string[] = [];
  {
    let before: { atMicros: string; id: string } | null = null;
    const at = periodAt(month);
    while (exportIds.length <= EXPORT_MAX_ROWS) {
      const page = await selectAuditReviewPage(db, { municipalityCode: m, fromAt: at.from, toAt: at.to }, { before, limit: 1000 });
      exportIds.push(...page.map((r) => r.id));
      const last = page.at(-1);
      if (!last || page.length < 1000) break;
      before = { atMicros: last.atMicros, id: last.id };
    }
  }

  const caught = catching(db, false);
  const app = await buildApp({
    database: { ...database, db: caught.db },
    clock,
    config: { sessionIdleMinutes: 600, sessionMaxHours: 24, cookieSecure: true, demo: false, webDistDir: '/nonexistent-web-dist', logLevel: 'silent' },
    logger: false,
  });
  try {
    const cookieOf = async (username: string) => {
      const actor = await syntheticActor(database, username);
      const signedIn = await signInAsSyntheticUser({ db, clock, demo: false, policy: { idleMinutes: 600, maxHours: 24 } }, actor.userId);
      return { cookie: `${SESSION_COOKIE}=${signedIn.token}`, actor };
    };
    const auditor = await cookieOf(`syn.${m}.auditor1`);
    const smallAuditor = await cookieOf(`syn.${small.code}.auditor1`);
    const admin = await cookieOf(`syn.${m}.administrator1`);
    const contact = await cookieOf(largest.contact);
    const page = (body: string) => {
      const events = (JSON.parse(body) as { events: { id: string }[] }).events;
      return { n: events.length, ids: events.map((e) => e.id) };
    };
    const lines = (body: string) => ({ n: body.split('\n').filter((l) => l.trim()).length - 1, ids: exportIds });
    const alerts = (body: string) => ({ n: (JSON.parse(body) as { alerts: unknown[] }).alerts.length, ids: [] });
    const byIdsFloor = (ids: string[]) => eventsByIds(db, ids);
    const byIds = 'the same rows by primary key (with the actor’s and citizen’s names and the municipality), one statement';
    const alertFloorIs = "the period's reads the alerts count by the keys the log has had since 0001 (the municipality's staff per user on (actor_user_id, at), its citizens per citizen on (citizen_id, at)), deduplicated and counted per user; no own-citizen or hours logic";
    const monthAt = periodAt(month);
    const longestAt = periodAt(longest);
    const periodQuery = (p: { from: string; to: string }) => `from=${p.from}&to=${p.to}`;

    const cases: Case[] = [
      {
        measure: `audit review events, a period of 31 days, first page (50)`,
        url: `/api/audit-review/events?${periodQuery(month)}`,
        cookie: auditor.cookie,
        floor: byIdsFloor,
        floorIs: byIds,
        runs: RUNS,
        count: page,
        unit: 'events',
        who: `the auditor of the largest municipality (${m})`,
        target: aPage,
      },
      {
        measure: `audit review events, a period of 31 days, a page from its middle (keyset)`,
        url: `/api/audit-review/events?${periodQuery(month)}&before=${cursor}`,
        cookie: auditor.cookie,
        floor: byIdsFloor,
        floorIs: byIds,
        runs: RUNS,
        count: page,
        unit: 'events',
        who: `the auditor of the largest municipality (${m})`,
        target: aPage,
      },
      {
        measure: `audit review events, per citizen, first page (50)`,
        url: `/api/audit-review/events?citizenId=${citizenId}`,
        cookie: auditor.cookie,
        floor: byIdsFloor,
        floorIs: byIds,
        runs: RUNS,
        count: page,
        unit: 'events',
        who: `the auditor of ${m}; the municipality's citizen with the most events (${Number(citizenEvents).toLocaleString('en')} by its staff)`,
        target: aPage,
      },
      {
        measure: `audit review events, per user, first page (50)`,
        url: `/api/audit-review/events?userId=${userId}`,
        cookie: auditor.cookie,
        floor: byIdsFloor,
        floorIs: byIds,
        runs: RUNS,
        count: page,
        unit: 'events',
        who: `the auditor of ${m}; the municipality's user with the most events (${Number(userEvents).toLocaleString('en')})`,
        target: aPage,
      },
      {
        measure: `audit review export, a month (CSV, at most ${EXPORT_MAX_ROWS.toLocaleString('en')} rows)`,
        url: `/api/audit-review/events/export?format=csv&${periodQuery(month)}`,
        cookie: auditor.cookie,
        floor: () => eventsByIds(db, exportIds),
        floorIs: byIds,
        runs: EXPORT_RUNS,
        count: lines,
        unit: 'rows',
        who: `the auditor of ${m}`,
        target: aDownload,
      },
      ...[
        { code: m, cookie: auditor.cookie, who: `the auditor of the largest municipality (${m}, ${largest.open.toLocaleString('en')} open courses)`, suffix: '' },
        { code: small.code, cookie: smallAuditor.cookie, who: `the auditor of a small municipality (${small.code}, ${small.open.toLocaleString('en')} open courses)`, suffix: ', a small municipality' },
      ].flatMap((a): Case[] =>
        [
          { period: month, at: monthAt, name: '31 days' },
          { period: longest, at: longestAt, name: `the longest period allowed (${ALERT_MAX_DAYS} days)` },
        ].map((p) => ({
          measure: `audit review alerts (unusual reads), ${p.name}${a.suffix}`,
          url: `/api/audit-review/alerts?${periodQuery(p.period)}`,
          cookie: a.cookie,
          floor: () => alertReadsFloor(db, a.code, p.at.from, p.at.to, alertActions),
          floorIs: alertFloorIs,
          runs: ALERT_RUNS,
          count: alerts,
          unit: 'users flagged',
          who: a.who,
          target: fiveTimes,
        })),
      ),
      {
        measure: 'own sessions (GET /api/me/sessions)',
        url: '/api/me/sessions',
        cookie: contact.cookie,
        floor: () =>
          sql`select id, created_at, last_seen_at, user_agent, provider, assurance_level from staff_session where staff_user_id = ${contact.actor.userId}
            and least(idle_expires_at, absolute_expires_at) > ${now} order by last_seen_at desc`.execute(db),
        floorIs: "one SQL statement: the user's open sessions by staff_session's user index",
        runs: RUNS,
        count: (b) => ({ n: (JSON.parse(b) as { sessions: unknown[] }).sessions.length, ids: [] }),
        unit: 'sessions',
        who: `the busiest contact person of ${m}`,
        target: aSessionPage,
      },
      {
        measure: 'staff with their sessions (GET /api/admin/staff-users)',
        url: '/api/admin/staff-users',
        cookie: admin.cookie,
        floor: () =>
          sql`select u.id, u.username, u.display_name, u.profession, u.active,
              (select array_agg(r.role) from staff_role r where r.staff_user_id = u.id) as roles,
              (select count(*) from staff_session s where s.staff_user_id = u.id and least(s.idle_expires_at, s.absolute_expires_at) > ${now}) as open_sessions
            from staff_user u where u.municipality_code = ${m} and not u.is_synthetic order by u.display_name`.execute(db),
        floorIs: "one SQL statement: the municipality's users by their municipality, roles and open sessions by each user's index",
        runs: RUNS,
        count: (b) => ({ n: (JSON.parse(b) as { users: unknown[] }).users.length, ids: [] }),
        unit: 'users',
        who: `the administrator of ${m}`,
        target: aSessionPage,
      },
    ];

    const rows: ResultRow[] = [];
    const findings: string[] = [];
    const at = new Date().toISOString();
    const scale = `${auditEvents.toLocaleString('en')} audit events, ${volume.sessions.toLocaleString('en')} staff sessions of ${volume.staff.toLocaleString('en')} users (${volume.municipalityStaff} real staff in ${m})`;
    for (const c of cases) {
      let found = { n: 0, ids: [] as string[] };
      let bytes = 0;
      const read = async () => {
        const res = await app.inject({ method: 'GET', url: c.url, headers: { cookie: c.cookie } });
        if (res.statusCode !== 200) throw new Error(`${c.url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        found = c.count(res.body);
        bytes = res.rawPayload.length;
      };
      caught.queries.length = 0;
      caught.on = true;
      await read();
      caught.on = false;
      const ids = found.ids;
      const statements = caught.queries.length;
      const plans = await explain(db, caught.queries);
      findings.push(findingsMarkdown(`${c.measure} — ${c.who}`, plans));
      const flags = plans.flatMap((p) => p.flags);
      const dbMs = plans.reduce((n, p) => n + p.ms, 0);
      const t = await against(c.runs, read, () => c.floor(ids));
      const p95 = { ours: percentile(t.ours, 95), floor: percentile(t.floor, 95) };
      const p50 = { ours: percentile(t.ours, 50), floor: percentile(t.floor, 50) };
      rows.push({
        measure: `${c.measure}, p95`,
        size: label,
        ours: p95.ours,
        floor: p95.floor,
        unit: 'ms',
        floorIs: c.floorIs,
        target: c.target.text,
        met: c.target.met(p95),
        note: `${c.who}: ${found.n.toLocaleString('en')} ${c.unit}, ${(bytes / 1024).toFixed(1)} kB; ${statements} statements (${dbMs.toFixed(1)} ms in the database by EXPLAIN ANALYZE), plan: ${
          flags.length ? flags.join('; ') : 'no scan over a big table'
        }; p50 ${p50.ours.toFixed(1)} vs ${p50.floor.toFixed(1)} ms; ${c.runs} runs each, alternating; every read audited; ${scale}`,
        at,
      });
    }
    fs.writeFileSync(plansFile, [`# Plans of the audit review's and the session lists' reads (${label}), written by \`npm run bench -- audit-review\``, '', ...findings].join('\n'));
    return rows;
  } finally {
    await app.close();
  }
}
