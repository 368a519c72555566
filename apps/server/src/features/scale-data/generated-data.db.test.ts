import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@samkraft/contracts/reports';
import type { Worklist } from '@samkraft/contracts/worklist';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';
/* eslint-disable import-x/no-restricted-paths -- the test explains these features' own SQL on the generated volume */
import { courseFactsQuery } from '../deadlines/deadline-facts.repository.ts';
import { completenessQuery, courseLengthsQuery } from '../reports/report-courses.repository.ts';
/* eslint-enable import-x/no-restricted-paths */
import { getReport } from '../reports/report.service.ts';
import { expectedReport, reportFigures } from '../../test-support/report-model.ts';
import { loadDeadlineRule, loadMemberCodes, loadPotentials, loadReferralSpecs } from '../../test-support/report-model-records.ts';
import { reportJobHandler } from '../reports/report-job.service.ts';
import { createJobQueue } from '../jobs/job.service.ts';
import { getWorklist } from '../worklist/worklist.service.ts';
import { generateSyntheticData } from './scale-data.service.ts';

/**
 * The nine municipalities' two years, generated (seed 1, up to Tuesday 30 June 2026), read as a
 * coordinator and as contact persons would. The stored report and worklists were computed before
 * the queries were rewritten for volume; a rewrite must give them unchanged. The report's tables
 * are also checked against the independent model (test-support/report-model.ts) over the
 * raw records, so the expectation does not come from the app's own code.
 */
const TODAY = '2026-06-30';
const clock = fixedClock(`${TODAY}T08:00:00Z`);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  await generateSyntheticData(database.db, { size: 'nine', years: 2, today: TODAY, seed: 1 });
}, 180_000);
afterAll(async () => database?.close());

async function staffActor(username: string): Promise<StaffActor> {
  const s = await database.db
    .selectFrom('staff_user as s')
    .innerJoin('staff_role as r', 'r.staff_user_id', 's.id')
    .select(['s.id', 's.username', 's.display_name', 's.municipality_code', 's.profession', 'r.role'])
    .where('s.username', '=', username)
    .executeTakeFirstOrThrow();
  return { kind: 'staff', userId: s.id, username: s.username, displayName: s.display_name, municipalityCode: s.municipality_code, roles: [s.role], profession: s.profession };
}

/**
 * A worklist without its ids (they are random per generation), in its order; courses equally
 * urgent (same state, due date and receipt) may come in any order, so they are listed by citizen.
 */
function stable(w: Worklist) {
  const tie = (i: Worklist['items'][number]) => `${i.state} ${i.nextDeadline?.dueOn ?? '-'} ${i.receivedOn}`;
  const items = [...w.items];
  for (let start = 0; start < items.length; ) {
    let end = start + 1;
    while (end < items.length && tie(items[end]!) === tie(items[start]!)) end++;
    items.splice(start, end - start, ...items.slice(start, end).sort((a, b) => a.citizen.identifier.localeCompare(b.citizen.identifier)));
    start = end;
  }
  return {
    counts: w.counts,
    items: items.map((i) => `${i.citizen.identifier} ${i.step} ${i.state} ${i.nextDeadline?.kind ?? '-'} ${i.nextDeadline?.dueOn ?? '-'} ${i.contactPerson?.name ?? '-'}`),
  };
}

describe('generated data: the nine, two years', () => {
  it('holds what the generator promises: synthetic citizens only, open courses, busy contact persons', async () => {
    const db = database.db;
    const citizens = await db.selectFrom('citizen').select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.count<string>('cpr').as('cpr')]).executeTakeFirstOrThrow();
    expect(Number(citizens.n)).toBe(2526);
    expect(Number(citizens.cpr)).toBe(0);
    const open = await db.selectFrom('course').select((eb) => eb.fn.countAll<string>().as('n')).where('closed_on', 'is', null).executeTakeFirstOrThrow();
    expect(Number(open.n)).toBeGreaterThan(200);
  });

  it('gives the stored annual report, unchanged by any rewrite of its queries', async () => {
    const actor: StaffActor = { ...(await staffActor('syn.0151.coordinator1')) };
    const report = await getReport({ db: database.db, actor, clock }, { from: '2025-01-01', to: '2025-12-31', compareFrom: '2024-07-01', compareTo: '2024-12-31' });
    await expect(`${JSON.stringify(report, null, 1)}\n`).toMatchFileSnapshot('./__snapshots__/generated-nine-2y.report.json');
  });

  it('gives the tables the independent model computes from the raw records (indicator 2 in working days)', async () => {
    const actor = await staffActor('syn.0151.coordinator1');
    const request = { from: '2025-01-01', to: '2025-12-31', compareFrom: '2024-07-01', compareTo: '2024-12-31' };
    const report = await getReport({ db: database.db, actor, clock }, request);
    const specs = await loadReferralSpecs(database.db);
    const want = expectedReport(specs, await loadMemberCodes(database.db), {
      period: { from: request.from, to: request.to },
      compare: { from: request.compareFrom, to: request.compareTo },
      today: TODAY,
      deadline: await loadDeadlineRule(database.db),
      potentials: await loadPotentials(database.db),
    });
    expect(reportFigures(report)).toEqual(want);
  });

  it("gives a comparison column equal to the comparison period's own report, wherever that period lies", async () => {
    const actor = await staffActor('syn.0151.coordinator1');
    const ctx = { db: database.db, actor, clock };
    const summaryOf = (r: Report, column: number) => r.tables.find((t) => t.id === 'summary')?.rows.map((row) => row.cells[column]);
    const indicator = (r: Report, n: number) => r.indicators.find((i) => i.number === n);
    for (const compare of [
      { compareFrom: '2024-03-15', compareTo: '2024-11-20' }, // before the period, not on half-year bounds
      { compareFrom: '2025-06-01', compareTo: '2026-05-31' }, // overlapping the period and after it
    ]) {
      const both = await getReport(ctx, { from: '2025-01-01', to: '2025-12-31', ...compare });
      const alone = await getReport(ctx, { from: compare.compareFrom, to: compare.compareTo });
      const main = await getReport(ctx, { from: '2025-01-01', to: '2025-12-31' });
      expect(summaryOf(both, 1), JSON.stringify(compare)).toEqual(summaryOf(alone, 0));
      expect(summaryOf(both, 0)).toEqual(summaryOf(main, 0));
      expect(both.tables.find((t) => t.id === 'exchange')).toEqual(main.tables.find((t) => t.id === 'exchange'));
      for (const n of [1, 3]) expect(indicator(both, n)?.compareValue, `indicator ${n}`).toBe(indicator(alone, n)?.value);
    }
  });

  it('gives the stored worklists of a contact person and a lead, unchanged by any rewrite', async () => {
    const contact = await staffActor('syn.0159.contact-person1');
    const lead = await staffActor('syn.0159.municipal-lead1');
    const mine = await getWorklist({ db: database.db, actor: contact, clock }, { scope: 'mine' });
    const municipality = await getWorklist({ db: database.db, actor: lead, clock }, { scope: 'municipality', limit: 500 });
    expect(mine.items.length).toBeGreaterThan(20);
    await expect(`${JSON.stringify({ mine: stable(mine), municipality: stable(municipality) }, null, 1)}\n`).toMatchFileSnapshot('./__snapshots__/generated-nine-2y.worklists.json');
  });
});

/** Tables that grow with the data; each access to them must be able to use an index. */
const BIG_TABLES = ['attendance', 'enrolment', 'cross_referral', 'referral', 'course', 'course_assignment', 'course_contact', 'needs_assessment', 'action_plan', 'closing_conversation', 'decline', 'status_note', 'citizen', 'deadline_pause'];

/**
 * The scans of a query's plan, with sequential scans disabled: the planner then takes a
 * sequential scan only where no index can serve, which is what this checks — on two years of
 * the nine, a sequential scan of a small table would otherwise be the cheaper, honest choice.
 */
async function scansOf(query: RawBuilder<unknown>): Promise<string[]> {
  return database.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const plan = await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(trx);
    return plan.rows.map((r) => r['QUERY PLAN']).flatMap((line) => {
      const m = /(Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan|Bitmap Index Scan)(?: using (\S+))? on (\S+)/.exec(line);
      return m ? [`${m[1]} ${m[3]}${m[2] ? ` (${m[2]})` : ''}`] : [];
    });
  });
}

const seqScansOfBigTables = (scans: string[]) => scans.filter((s) => BIG_TABLES.some((t) => s === `Seq Scan ${t}`));

describe('generated data: a long report does not hold up the others', () => {
  it('answers the worklist while reports of the whole two years run (on PGlite between their queries)', async () => {
    const coordinator = await staffActor('syn.0151.coordinator1');
    const contact = await staffActor('syn.0159.contact-person1');
    const finished: string[] = [];
    const report = (n: number) =>
      getReport({ db: database.db, actor: coordinator, clock }, { from: '2024-07-01', to: '2026-06-30', compareFrom: '2023-07-01', compareTo: '2024-06-30' }).then(() => finished.push(`report ${n}`));
    const reports = [report(1), report(2), report(3)];
    // Let the reports start their first queries before the contact person asks.
    await new Promise((resolve) => setImmediate(resolve));
    await getWorklist({ db: database.db, actor: contact, clock }, { scope: 'mine' });
    finished.push('worklist');
    await Promise.all(reports);
    expect(finished.indexOf('worklist'), finished.join(', ')).toBeLessThan(3);
  });

  it('answers the worklist while report jobs run (the job queue of this database: pg-boss, or in-process on PGlite)', async () => {
    const coordinator = await staffActor('syn.0151.coordinator1');
    const contact = await staffActor('syn.0159.contact-person1');
    const jobs = createJobQueue({ database, clock, handlers: { report: reportJobHandler(undefined), extract_import: async () => null }, log: { error: () => undefined } });
    try {
      const ctx = { db: database.db, actor: coordinator, clock };
      const submitted = [];
      for (let i = 0; i < 3; i++) submitted.push(await jobs.submit(ctx, 'report', { from: '2024-07-01', to: '2026-06-30', compareFrom: '2023-07-01', compareTo: '2024-06-30' }));
      await getWorklist({ db: database.db, actor: contact, clock }, { scope: 'mine' });
      const states = await Promise.all(submitted.map(async (j) => (await jobs.get(ctx, j.id)).state));
      expect(states, states.join(', ')).not.toEqual(['succeeded', 'succeeded', 'succeeded']);
      for (const j of submitted) {
        for (let tries = 0; (await jobs.get(ctx, j.id)).state !== 'succeeded'; tries++) {
          if (tries > 2400) throw new Error(`report job ${j.id} did not finish`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }
    } finally {
      await jobs.stop();
    }
  });
});

describe('generated data: the queries that grow with the data use indexes', () => {
  const period = { from: '2025-01-01', to: '2025-12-31' };
  const nine = ['0151', '0157', '0159', '0163', '0173', '0175', '0190', '0230', '0240'];

  it('course length: the ended interventions by their end date', async () => {
    const scans = await scansOf(courseLengthsQuery(period, nine));
    expect(seqScansOfBigTables(scans)).toEqual([]);
    expect(scans.filter((x) => x.includes('cross_referral_ended_idx')), scans.join('; ')).not.toEqual([]);
  });

  it('sessions attended (the one definition): enrolments and attendance by their keys', async () => {
    // The function is planned on its own; its body is explained with a real set of ids.
    const body = await sql<{ src: string }>`select prosrc as src from pg_proc where proname = 'sessions_attended'`.execute(database.db);
    const ids = (await database.db.selectFrom('cross_referral').select('id').where('ended_on', '>=', period.from).limit(500).execute()).map((r) => r.id);
    const src = body.rows[0]?.src ?? '';
    const parts = src.split(/\bids\b/);
    const query = sql.join(parts.map((part) => sql.raw(part)), sql`${ids}::uuid[]`);
    const scans = await scansOf(query);
    expect(seqScansOfBigTables(scans)).toEqual([]);
    expect(scans.filter((x) => x.includes('attendance_enrolment_idx')), scans.join('; ')).not.toEqual([]);
    expect(scans.filter((x) => x.includes('enrolment_cross_referral_idx')), scans.join('; ')).not.toEqual([]);
  });

  it("completeness: the period's referrals and what each course holds, by their keys", async () => {
    expect(seqScansOfBigTables(await scansOf(completenessQuery(period, nine)))).toEqual([]);
  });

  it("the worklist: a contact person's open courses from their assignments, and their facts by key", async () => {
    const contact = await staffActor('syn.0159.contact-person1');
    const scans = await scansOf(courseFactsQuery({ kind: 'open', home: '0159', contactPersons: [contact.userId] }));
    expect(seqScansOfBigTables(scans)).toEqual([]);
    expect(scans.filter((x) => x.includes('course_assignment_staff_idx')), scans.join('; ')).not.toEqual([]);
  });
});
