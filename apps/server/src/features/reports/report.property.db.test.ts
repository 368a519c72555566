import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { getReport } from './report.service.ts';
import { expectedReport, reportFigures } from '../../test-support/report-model.ts';
import { loadDeadlineRule, loadPotentials } from '../../test-support/report-model-records.ts';
import { clearRecords, insertRecords, seedReportBasics, type ReferralSpec } from '../../test-support/report-records.ts';

/**
 * Property: for random record sets, every table equals an independent in-memory computation
 * from the same specs (test-support/report-model.ts, without the report's code).
 */
const CODES: readonly string[] = ['0151', '0159', '0163', '0175', '0240'];
const PERIOD = { from: '2017-01-01', to: '2017-12-31' };
const TODAY = '2018-08-01';

const day = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dateBetween = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => day(from, n));

const interventionArb = fc.record({
  provider: fc.constantFrom(...CODES),
  intervention: fc.constantFrom('blandede', 'livskraft', 'maend'),
  endAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  attendance: fc.array(fc.constantFrom('attended' as const, 'no_show' as const, 'cancelled' as const), { maxLength: 4 }),
  recorded: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
});

const referralArb: fc.Arbitrary<ReferralSpec> = fc
  .record({
    home: fc.constantFrom(...CODES),
    sex: fc.constantFrom('F' as const, 'M' as const),
    birthDate: dateBetween('1930-01-01', 80 * 365),
    receivedOn: dateBetween('2016-07-01', 730),
    source: fc.constantFrom('gp' as const, 'hospital_gop' as const, 'hospital_ref01' as const, 'municipal' as const, 'self' as const, 'other' as const),
    interventions: fc.array(interventionArb, { maxLength: 2 }),
    assessAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    declines: fc.array(fc.record({ reason: fc.constantFrom('not_relevant' as const, 'too_far' as const, 'already_in_home_course' as const, 'other' as const), after: fc.integer({ min: 1, max: 40 }) }), { maxLength: 2 }),
    closing: fc.option(fc.record({ after: fc.integer({ min: 30, max: 300 }), satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), benefit: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }), { nil: undefined }),
    closed: fc.option(fc.record({ after: fc.integer({ min: 1, max: 200 }), reason: fc.constantFrom('completed' as const, 'declined' as const, 'other' as const) }), { nil: undefined }),
    plan: fc.boolean(),
  })
  .map((r) => ({
    home: r.home,
    sex: r.sex,
    birthDate: r.birthDate,
    receivedOn: r.receivedOn,
    source: r.source,
    interventions: r.interventions.map((i) => ({
      provider: i.provider,
      intervention: i.intervention,
      endedOn: i.endAfter === undefined ? undefined : day(r.receivedOn, 5 + i.endAfter),
      attendance: i.attendance,
      recorded: i.recorded,
    })),
    assessedOn: r.assessAfter === undefined ? undefined : day(r.receivedOn, r.assessAfter),
    declines: r.declines.map((d) => ({ reason: d.reason, on: day(r.receivedOn, d.after) })),
    closing: r.closing ? { heldOn: day(r.receivedOn, r.closing.after), satisfaction: r.closing.satisfaction, benefit: r.closing.benefit } : undefined,
    closed: r.closed ? { on: day(r.receivedOn, r.closed.after), reason: r.closed.reason } : undefined,
    plan: r.plan,
  }));

/**
 * The same records and what the generated data sets add: a paused clock (open or resumed), the
 * decline of one offer (which does not stop the course's clock), enrolments without attendance,
 * end notes with an attendance count, temporary home offers, courses closed as not in the target group.
 */
const richerReferralArb: fc.Arbitrary<ReferralSpec> = fc
  .tuple(
    referralArb,
    fc.record({
      pause: fc.option(fc.record({ after: fc.integer({ min: 0, max: 15 }), length: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null, freq: 2 }) }), { nil: undefined }),
      offerDecline: fc.option(fc.record({ offer: fc.integer({ min: 0, max: 1 }), reason: fc.constantFrom('not_relevant' as const, 'too_far' as const), after: fc.integer({ min: 1, max: 12 }) }), { nil: undefined }),
      offers: fc.array(
        fc.record({ enrolled: fc.boolean(), noAttendance: fc.boolean(), endNote: fc.option(fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), { nil: undefined }), temporary: fc.boolean() }),
        { minLength: 2, maxLength: 2 },
      ),
      // Unassessed courses are where stops and pauses decide indicator 2; open ones where a pause shows.
      unassessed: fc.boolean(),
      open: fc.boolean(),
      notInTargetGroup: fc.boolean(),
    }),
  )
  .map(([s, x]) => {
    const interventions = (s.interventions ?? []).map((i, n) => {
      const extra = x.offers[n]!;
      return { ...i, enrolled: extra.enrolled, attendance: extra.noAttendance ? [] : (i.attendance ?? []), ...(extra.endNote !== undefined ? { endNoteAttendance: extra.endNote } : {}), ...(extra.temporary && i.provider !== s.home ? { kind: 'temporary_home' as const } : {}) };
    });
    const offerDecline = x.offerDecline && x.offerDecline.offer < interventions.length ? [{ reason: x.offerDecline.reason, on: day(s.receivedOn, x.offerDecline.after), offer: x.offerDecline.offer }] : [];
    const pausedOn = x.pause ? day(s.receivedOn, x.pause.after) : undefined;
    const { assessedOn, closed, ...rest } = s;
    return {
      ...rest,
      ...(assessedOn !== undefined && !x.unassessed ? { assessedOn } : {}),
      interventions,
      declines: [...(x.open ? [] : (s.declines ?? [])), ...offerDecline],
      ...(closed && !x.open ? { closed: x.notInTargetGroup ? { ...closed, reason: 'not_in_target_group' as const } : closed } : {}),
      ...(x.pause && pausedOn ? { pause: { pausedOn, resumedOn: x.pause.length === null ? null : day(pausedOn, x.pause.length) } } : {}),
    };
  });

/** Comparison periods before the period (the trend then starts with them) and overlapping its end. */
const COMPARISONS = [
  { from: '2016-07-01', to: '2016-12-31' },
  { from: '2016-03-15', to: '2016-11-20' },
  { from: '2017-07-01', to: '2018-06-30' },
];

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReportBasics(database.db);
});
afterAll(async () => {
  await database.close();
});

describe('the report against an independent computation', () => {
  it('property: every table equals the in-memory computation from the same records', async () => {
    const ctx = { db: database.db, actor: { kind: 'system' as const, name: 'test' }, clock: fixedClock(`${TODAY}T10:00:00Z`) };
    const rule = await loadDeadlineRule(database.db);
    const potentials = await loadPotentials(database.db);
    await fc.assert(
      fc.asyncProperty(fc.array(referralArb, { maxLength: 14 }), fc.subarray([...CODES], { minLength: 1 }), async (specs, scope) => {
        await clearRecords(database.db);
        await insertRecords(database.db, specs);
        const report = await getReport(ctx, { ...PERIOD, municipalities: scope });
        expect(reportFigures(report)).toEqual(expectedReport(specs, scope, { period: PERIOD, today: TODAY, deadline: rule, potentials }));
      }),
      { numRuns: 12 },
    );
  }, 240_000);

  it('property: so with pauses, declines of one offer, end notes, a comparison period, potentials, and a working-day policy from mid-2017 with closing days', async () => {
    const ctx = { db: database.db, actor: { kind: 'system' as const, name: 'test' }, clock: fixedClock(`${TODAY}T10:00:00Z`) };
    await database.db.insertInto('deadline_policy').values({ kind: 'initial_assessment', amount: 10, unit: 'working_days', effective_from: '2017-07-01', source: 'test' }).execute();
    await database.db
      .insertInto('closing_day')
      .values([
        { municipality_code: null, recurring: true, month: 12, day: 24, on_date: null, label: 'Juleaftensdag' },
        { municipality_code: null, recurring: true, month: 6, day: 5, on_date: null, label: 'Grundlovsdag' },
        { municipality_code: '0159', recurring: false, month: null, day: null, on_date: '2017-08-14', label: 'Lukkedag' },
      ])
      .execute();
    // Potentials of the year before and after the period (the earlier wins), and only after it (the earliest then).
    await database.db
      .insertInto('cancer_potential')
      .values([
        { municipality_code: '0151', year: 2016, new_cases: 240, rehab_share: 0.4, source: 'test' },
        { municipality_code: '0151', year: 2018, new_cases: 260, rehab_share: 0.4, source: 'test' },
        { municipality_code: '0159', year: 2019, new_cases: 350, rehab_share: 0.35, source: 'test' },
      ])
      .execute();
    const rule = await loadDeadlineRule(database.db);
    const potentials = await loadPotentials(database.db);
    await fc.assert(
      fc.asyncProperty(fc.array(richerReferralArb, { maxLength: 14 }), fc.subarray([...CODES], { minLength: 1 }), fc.constantFrom(...COMPARISONS), async (specs, scope, compare) => {
        await clearRecords(database.db);
        await insertRecords(database.db, specs);
        const report = await getReport(ctx, { ...PERIOD, compareFrom: compare.from, compareTo: compare.to, municipalities: scope });
        expect(reportFigures(report)).toEqual(expectedReport(specs, scope, { period: PERIOD, compare, today: TODAY, deadline: rule, potentials }));
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
