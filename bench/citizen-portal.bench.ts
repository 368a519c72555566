/**
 * The citizen's door (issue 13) at the national volume: the citizen's own reads over the whole app
 * (app.inject with a citizen session cookie: the session's resolution, the route, the service, the
 * audit in the read's transaction, the response's schema) — "Mine aftaler", the calendar feed,
 * "Hvem har set mine oplysninger" (first and a deep page, keyset), the preparation forms, the
 * closing questionnaires, the relatives, "Mine dokumenter" and the aktindsigt (my-data). Each
 * against its floor measured in the same run: one hand-written SQL statement returning the same
 * rows by indexed keys, no mapping, no audit. For each read the citizen is the one with the most
 * rows of it in the data set. Every statement's plan (EXPLAIN ANALYZE, BUFFERS) is written to
 * bench/plans-issue13.md, scans flagged. On a copy of the national set with what issue 13 adds,
 * the audit log at national volume among it (support/citizen-setup.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type RawBuilder } from 'kysely';
import { buildApp } from '../apps/server/src/app.ts';
import { readActions } from '../apps/server/src/features/access-log/access-log-wording.ts';
import { hashToken, newToken } from '../apps/server/src/features/auth/session.rules.ts';
import { insertCitizenSession } from '../apps/server/src/features/citizen-auth/citizen-auth.repository.ts';
import { appointmentWindow } from '../apps/server/src/features/citizen-appointments/appointments.rules.ts';
import { createCalendarFeed } from '../apps/server/src/features/citizen-appointments/calendar-feed.service.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import type { Db } from '../apps/server/src/platform/database/database.ts';
import { ensureCitizenPortalData } from './support/citizen-setup.ts';
import { benchRoot, type DataSet } from './support/datasets.ts';
import { against, percentile } from './support/measure.ts';
import { catching, explain, findingsMarkdown } from './support/plans.ts';
import type { ResultRow } from './support/results.ts';

const RUNS = 60;
const MY_DATA_RUNS = 5;
const MY_DATA_TARGET_MS = 1000;

/** A session the citizen's appointments show: marked for them, or within their enrolment's dates (e: enrolment, s: session, a: attendance). */
const shownSession = sql`(e.status <> 'waiting' or e.start_on is not null) and (a.enrolment_id is not null or (e.start_on is not null and (s.starts_at at time zone 'Europe/Copenhagen')::date >= e.start_on
  and (e.ended_on is null or (s.starts_at at time zone 'Europe/Copenhagen')::date <= e.ended_on)))`;

type Picks = { appointments: string; forms: string; form: string; questionnaires: string; relatives: string; documents: string; most: string; typical: string };

/** For each read, the citizen with the most rows of it (ties by id, so every run picks the same). */
async function pickCitizens(db: Db, window: { from: Date; to: Date }): Promise<Picks> {
  const one = async (q: RawBuilder<{ id: string }>, what: string) => {
    const id = (await q.execute(db)).rows[0]?.id;
    if (!id) throw new Error(`no citizen with ${what} in the data set`);
    return id;
  };
  const appointments = await one(
    sql`select r.citizen_id as id from referral r join course k on k.referral_id = r.id join cross_referral x on x.course_id = k.id join enrolment e on e.cross_referral_id = x.id
      join team_session s on s.team_id = e.team_id and s.starts_at >= ${window.from} and s.starts_at < ${window.to}
      left join attendance a on a.team_session_id = s.id and a.enrolment_id = e.id
      where ${shownSession} group by 1 order by count(*) desc, 1 limit 1`,
    'sessions in the window',
  );
  const forms = await one(sql`select f.citizen_id as id from preparation_form f join course k on k.id = f.course_id where k.closed_on is null group by 1 order by count(*) desc, 1 limit 1`, 'a preparation form');
  const form = await one(sql`select f.id from preparation_form f join course k on k.id = f.course_id where f.citizen_id = ${forms} and k.closed_on is null order by f.sent_at desc limit 1`, 'a preparation form');
  const questionnaires = await one(
    sql`select r.citizen_id as id from closing_conversation cc join course k on k.id = cc.course_id join referral r on r.id = k.referral_id where cc.answer_source = 'citizen' group by 1 order by count(*) desc, 1 limit 1`,
    'a questionnaire',
  );
  const relatives = await one(
    sql`select r.citizen_id as id from course_relative cr join course k on k.id = cr.course_id join referral r on r.id = k.referral_id where k.closed_on is null group by 1 order by count(*) desc, 1 limit 1`,
    'a relative',
  );
  const documents = await one(
    sql`select r.citizen_id as id from referral r join course k on k.referral_id = r.id
      left join lateral (select count(*) as n from action_plan p where p.course_id = k.id) p on true
      left join lateral (select count(*) as n from closing_note n where n.course_id = k.id and n.sent_on is not null) n on true
      left join lateral (select count(*) as n from course_contact c where c.course_id = k.id and c.preparation_form_sent_on is not null) c on true
      group by 1 order by sum(p.n + n.n + least(c.n, 1)) desc, 1 limit 1`,
    'documents',
  );
  // The citizen with the most staff reads in the log (the most records), and one at the median.
  const log = (
    await sql<{ most: string; typical: string }>`
      with c as materialized (select citizen_id, count(*) as n from audit_event where citizen_id is not null group by 1)
      select (select citizen_id from c order by n desc, citizen_id limit 1) as most,
        (select citizen_id from c order by n, citizen_id offset (select count(*) / 2 from c) limit 1) as typical`.execute(db)
  ).rows[0];
  if (!log?.most || !log.typical) throw new Error('the audit log is empty');
  return { appointments, forms, form, questionnaires, relatives, documents, most: log.most, typical: log.typical };
}

/** The citizen's main records of every kind, in one statement, as JSON: what the aktindsigt reads, unmapped. */
const myDataFloor = (citizenId: string) => sql`
  with k as (select k.* from referral r join course k on k.referral_id = r.id where r.citizen_id = ${citizenId}),
  x as (select x.* from cross_referral x where x.course_id in (select id from k)),
  e as (select e.* from enrolment e where e.cross_referral_id in (select id from x))
  select (select json_agg(c) from citizen c where c.id = ${citizenId}) as citizen,
    (select json_agg(r) from referral r where r.citizen_id = ${citizenId}) as referrals,
    (select json_agg(k) from k) as courses,
    (select json_agg(x) from x) as cross_referrals,
    (select json_agg(c) from course_contact c where c.course_id in (select id from k)) as contacts,
    (select json_agg(a) from needs_assessment a where a.course_id in (select id from k)) as assessments,
    (select json_agg(p) from action_plan p where p.course_id in (select id from k)) as plans,
    (select json_agg(f) from follow_up f where f.course_id in (select id from k)) as follow_ups,
    (select json_agg(cc) from closing_conversation cc where cc.course_id in (select id from k)) as closings,
    (select json_agg(n) from closing_note n where n.course_id in (select id from k)) as notes,
    (select json_agg(s) from status_note s where s.cross_referral_id in (select id from x)) as status_notes,
    (select json_agg(e) from e) as enrolments,
    (select json_agg(t) from (select a.*, s.starts_at, s.duration_minutes from attendance a join team_session s on s.id = a.team_session_id where a.enrolment_id in (select id from e)) t) as attendances,
    (select json_agg(a) from audit_event a where a.citizen_id = ${citizenId}) as audit`;

type Case = {
  measure: string;
  url: string;
  cookie: string | null;
  floor: () => Promise<unknown>;
  floorIs: string;
  runs: number;
  /** How the response is counted for the note. */
  count: (body: string) => number;
  unit: string;
  who: string;
  target: { text: string; met: (p: { ours: number; floor: number }) => boolean; at: 50 | 95 };
};

const arraysIn = (body: string) => Object.values(JSON.parse(body) as Record<string, unknown>).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
const fiveTimes = { text: '≤ 5× floor', met: (p: { ours: number; floor: number }) => p.ours <= 5 * p.floor, at: 95 as const };

export async function citizenPortalBenchmark(data: DataSet, label: string, plansFile = path.join(benchRoot, 'plans-issue13.md')): Promise<ResultRow[]> {
  const { database } = data;
  const db = database.db;
  const clock = fixedClock(`${data.set.today}T09:00:00Z`);
  const now = clock.now();
  const window = appointmentWindow(now);
  const volume = await ensureCitizenPortalData(db, data.set.today);
  const who = await pickCitizens(db, window);

  const caught = catching(db, false);
  const app = await buildApp({
    database: { ...database, db: caught.db },
    clock,
    config: { sessionIdleMinutes: 600, sessionMaxHours: 24, cookieSecure: true, demo: false, webDistDir: '/nonexistent-web-dist', logLevel: 'silent' },
    logger: false,
  });
  try {
    // A signed-in citizen: the session row the sign-in's callback writes (the route resolves it as for any citizen).
    const cookieOf = async (citizenId: string) => {
      const token = newToken();
      await insertCitizenSession(db, {
        tokenHash: hashToken(token),
        citizenId,
        csrfSecret: newToken(),
        assuranceLevel: 'substantial',
        createdAt: now,
        idleExpiresAt: new Date(now.getTime() + 600 * 60_000),
        absoluteExpiresAt: new Date(now.getTime() + 24 * 3_600_000),
      });
      return `samkraft_borger=${token}`;
    };
    const feed = await createCalendarFeed({ db, clock, requestId: 'bench', actor: { kind: 'citizen', citizenId: who.appointments } });

    const sessionsFloor = (citizenId: string) => () =>
      sql`select s.id, s.starts_at, s.duration_minutes, s.kind, s.cancelled, s.room, e.id as enrolment_id, e.status, a.status as mark
        from referral r join course k on k.referral_id = r.id join cross_referral x on x.course_id = k.id join enrolment e on e.cross_referral_id = x.id
        join team_session s on s.team_id = e.team_id and s.starts_at >= ${window.from} and s.starts_at < ${window.to}
        left join attendance a on a.team_session_id = s.id and a.enrolment_id = e.id
        where r.citizen_id = ${citizenId} and ${shownSession}`.execute(db);
    // The log's page by keyset: the rows of the citizen's reads from a cursor, by the index on (citizen_id, at).
    const logRows = async (citizenId: string, offset: number) =>
      (
        await sql<{ id: string; cursor: string }>`select id::text, (extract(epoch from at) * 1000000)::bigint::text || '-' || id as cursor from audit_event
          where citizen_id = ${citizenId} and outcome = 'allowed' and action = any(${[...readActions]}::text[]) order by at desc, id desc offset ${offset} limit 1`.execute(db)
      ).rows[0];
    const logCount = Number(
      (await sql<{ n: string }>`select count(*) as n from audit_event where citizen_id = ${who.most} and outcome = 'allowed' and action = any(${[...readActions]}::text[])`.execute(db)).rows[0]?.n ?? 0,
    );
    // The deep page: the oldest 50 rows, from the cursor of the row just newer than them.
    const deep = await logRows(who.most, Math.max(0, logCount - 51));
    const pageIds: Record<string, string[]> = {};
    const logPageFloor = (key: string) => () => sql`select e.*, s.display_name, m.name from audit_event e left join staff_user s on s.id = e.actor_user_id left join municipality m on m.code = e.actor_municipality where e.id = any(${pageIds[key] ?? []}::bigint[])`.execute(db);

    const cookies = new Map<string, string>();
    const { form: _form, ...citizens } = who;
    for (const id of new Set(Object.values(citizens))) cookies.set(id, await cookieOf(id));
    const cookie = (id: string) => cookies.get(id) ?? '';
    const events = (body: string) => body.split('BEGIN:VEVENT').length - 1;

    const cases: Case[] = [
      {
        measure: '"Mine aftaler" (GET /api/borger/appointments)',
        url: '/api/borger/appointments',
        cookie: cookie(who.appointments),
        floor: sessionsFloor(who.appointments),
        floorIs: "one SQL statement: the citizen's team sessions in the window by the referral's citizen key",
        runs: RUNS,
        count: arraysIn,
        unit: 'appointments',
        who: 'the citizen with the most sessions in the window',
        target: fiveTimes,
      },
      {
        measure: 'calendar feed (GET /api/calendar-feed/{token}/samkraft.ics)',
        url: feed.path,
        cookie: null,
        floor: sessionsFloor(who.appointments),
        floorIs: "one SQL statement: the citizen's team sessions in the window by the referral's citizen key",
        runs: RUNS,
        count: events,
        unit: 'events',
        who: 'the citizen with the most sessions in the window',
        target: fiveTimes,
      },
      {
        measure: '"Hvem har set mine oplysninger" (GET /api/borger/access-log), first page (50)',
        url: '/api/borger/access-log',
        cookie: cookie(who.most),
        floor: logPageFloor('first'),
        floorIs: 'the same rows by primary key (with the reader’s name and municipality), one statement',
        runs: RUNS,
        count: arraysIn,
        unit: 'entries',
        who: `the citizen with the most reads in the log (${logCount.toLocaleString('en')}; the log's rate: 3 staff reads a week of an open course, 2 an attendance)`,
        target: fiveTimes,
      },
      {
        measure: '"Hvem har set mine oplysninger" (GET /api/borger/access-log), the oldest page (keyset)',
        url: `/api/borger/access-log?before=${deep?.cursor ?? ''}`,
        cookie: cookie(who.most),
        floor: logPageFloor('deep'),
        floorIs: 'the same rows by primary key (with the reader’s name and municipality), one statement',
        runs: RUNS,
        count: arraysIn,
        unit: 'entries',
        who: `the citizen with the most reads in the log (${logCount.toLocaleString('en')}; the log's rate: 3 staff reads a week of an open course, 2 an attendance)`,
        target: fiveTimes,
      },
      {
        measure: 'preparation forms (GET /api/borger/preparation-forms)',
        url: '/api/borger/preparation-forms',
        cookie: cookie(who.forms),
        floor: () =>
          sql`select f.*, m.name from preparation_form f join course k on k.id = f.course_id join referral r on r.id = k.referral_id join municipality m on m.code = r.home_municipality_code
            where f.citizen_id = ${who.forms} and k.closed_on is null`.execute(db),
        floorIs: "one SQL statement: the citizen's forms by preparation_form's citizen key",
        runs: RUNS,
        count: arraysIn,
        unit: 'forms',
        who: 'the citizen with the most forms on open courses',
        target: fiveTimes,
      },
      {
        measure: 'preparation form, opened (GET /api/borger/preparation-forms/{id})',
        url: `/api/borger/preparation-forms/${who.form}`,
        cookie: cookie(who.forms),
        floor: () => sql`select f.*, (select json_agg(i) from assessment_item i) as items from preparation_form f where f.id = ${who.form}`.execute(db),
        floorIs: 'one SQL statement: the form by its id with the assessment items',
        runs: RUNS,
        count: (b) => (JSON.parse(b) as { items: { areas: { items: unknown[] }[] } }).items.areas.reduce((n, a) => n + a.items.length, 0),
        unit: 'assessment items',
        who: 'the citizen with the most forms on open courses',
        target: fiveTimes,
      },
      {
        measure: 'closing questionnaires (GET /api/borger/questionnaires)',
        url: '/api/borger/questionnaires',
        cookie: cookie(who.questionnaires),
        floor: () =>
          sql`select cc.*, m.name from referral r join course k on k.referral_id = r.id join closing_conversation cc on cc.course_id = k.id and cc.answer_source = 'citizen'
            join municipality m on m.code = r.home_municipality_code where r.citizen_id = ${who.questionnaires}`.execute(db),
        floorIs: "one SQL statement: the citizen's questionnaires by the referral's citizen key",
        runs: RUNS,
        count: arraysIn,
        unit: 'questionnaires',
        who: 'the citizen with the most questionnaires',
        target: fiveTimes,
      },
      {
        measure: 'relatives (GET /api/borger/relatives)',
        url: '/api/borger/relatives',
        cookie: cookie(who.relatives),
        floor: () =>
          sql`select cr.* from referral r join course k on k.referral_id = r.id join course_relative cr on cr.course_id = k.id where r.citizen_id = ${who.relatives} and k.closed_on is null`.execute(db),
        floorIs: "one SQL statement: the relatives of the citizen's open courses by the referral's citizen key",
        runs: RUNS,
        count: arraysIn,
        unit: 'relatives',
        who: 'the citizen with the most relatives on open courses',
        target: fiveTimes,
      },
      {
        measure: '"Mine dokumenter" (GET /api/borger/documents)',
        url: '/api/borger/documents',
        cookie: cookie(who.documents),
        floor: () =>
          sql`with k as (select k.id, m.name from referral r join course k on k.referral_id = r.id join municipality m on m.code = r.home_municipality_code where r.citizen_id = ${who.documents})
            select k.id, k.name, 'letter' as kind, max(c.preparation_form_sent_on)::text as on from k join course_contact c on c.course_id = k.id where c.preparation_form_sent_on is not null group by k.id, k.name
            union all select k.id, k.name, 'plan', p.agreed_on::text from k join action_plan p on p.course_id = k.id
            union all select k.id, k.name, 'note', n.sent_on::text from k join closing_note n on n.course_id = k.id where n.sent_on is not null`.execute(db),
        floorIs: "one SQL statement: the letters, plan versions and sent notes of the citizen's courses by the referral's citizen key",
        runs: RUNS,
        count: arraysIn,
        unit: 'documents',
        who: 'the citizen with the most documents',
        target: fiveTimes,
      },
      {
        measure: 'aktindsigt (GET /api/borger/my-data, JSON), the citizen with the most records',
        url: '/api/borger/my-data',
        cookie: cookie(who.most),
        floor: () => myDataFloor(who.most).execute(db),
        floorIs: "one SQL statement: the citizen's rows of the main tables as JSON, unmapped",
        runs: MY_DATA_RUNS,
        count: (b) => (JSON.parse(b) as { fhir?: { entry?: unknown[] } }).fhir?.entry?.length ?? 0,
        unit: 'FHIR resources',
        who: 'the citizen with the most reads in the log',
        target: { text: `≤ ${MY_DATA_TARGET_MS / 1000} s`, met: (p) => p.ours <= MY_DATA_TARGET_MS, at: 50 },
      },
      {
        measure: 'aktindsigt (GET /api/borger/my-data, JSON), a typical citizen',
        url: '/api/borger/my-data',
        cookie: cookie(who.typical),
        floor: () => myDataFloor(who.typical).execute(db),
        floorIs: "one SQL statement: the citizen's rows of the main tables as JSON, unmapped",
        runs: MY_DATA_RUNS,
        count: (b) => (JSON.parse(b) as { fhir?: { entry?: unknown[] } }).fhir?.entry?.length ?? 0,
        unit: 'FHIR resources',
        who: 'the citizen at the median of reads in the log',
        target: { text: `≤ ${MY_DATA_TARGET_MS / 1000} s`, met: (p) => p.ours <= MY_DATA_TARGET_MS, at: 50 },
      },
    ];

    const rows: ResultRow[] = [];
    const findings: string[] = [];
    const at = new Date().toISOString();
    const scale = `${volume.auditEvents.toLocaleString('en')} audit events, ${volume.preparationForms.toLocaleString('en')} preparation forms, ${volume.questionnaires.toLocaleString('en')} citizen questionnaires, ${volume.relatives.toLocaleString('en')} relatives`;
    let reads = 0;
    for (const c of cases) {
      let found = 0;
      let bytes = 0;
      const read = async () => {
        // The feed is rate-limited per client address (a phone's calendar): each read from another one.
        const res = await app.inject({ method: 'GET', url: c.url, headers: c.cookie ? { cookie: c.cookie } : {}, remoteAddress: `10.13.${Math.floor(++reads / 250) % 250}.${reads % 250}` });
        if (res.statusCode !== 200) throw new Error(`${c.url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        found = c.count(res.body);
        bytes = res.rawPayload.length;
        return res.body;
      };
      caught.queries.length = 0;
      caught.on = true;
      const first = await read();
      caught.on = false;
      if (c.url.startsWith('/api/borger/access-log')) pageIds[c.url.includes('before=') ? 'deep' : 'first'] = (JSON.parse(first) as { entries: { id: string }[] }).entries.map((e) => e.id);
      const statements = caught.queries.length;
      const plans = await explain(db, caught.queries);
      findings.push(findingsMarkdown(`${c.measure} — ${c.who}`, plans));
      const flags = plans.flatMap((p) => p.flags);
      const dbMs = plans.reduce((n, p) => n + p.ms, 0);
      const t = await against(c.runs, read, c.floor);
      const p95 = { ours: percentile(t.ours, 95), floor: percentile(t.floor, 95) };
      const p50 = { ours: percentile(t.ours, 50), floor: percentile(t.floor, 50) };
      const shown = c.target.at === 95 ? p95 : p50;
      rows.push({
        measure: `${c.measure}, p${c.target.at}`,
        size: label,
        ours: shown.ours,
        floor: shown.floor,
        unit: 'ms',
        floorIs: c.floorIs,
        target: c.target.text,
        met: c.target.met(shown),
        note: `${c.who}: ${found.toLocaleString('en')} ${c.unit}, ${(bytes / 1024).toFixed(1)} kB; ${statements} statements (${dbMs.toFixed(1)} ms in the database by EXPLAIN ANALYZE), plan: ${flags.length ? flags.join('; ') : 'no scan over a big table'}; ${
          c.target.at === 95 ? `p50 ${p50.ours.toFixed(1)} vs ${p50.floor.toFixed(1)} ms` : `p95 ${p95.ours.toFixed(0)} vs ${p95.floor.toFixed(0)} ms`
        }; ${c.runs} runs each, alternating; every read audited; ${scale}`,
        at,
      });
    }
    fs.writeFileSync(plansFile, [`# Plans of the citizen pages' reads (${label}), written by \`npm run bench -- citizen-portal\``, '', ...findings].join('\n'));
    return rows;
  } finally {
    await app.close();
  }
}
