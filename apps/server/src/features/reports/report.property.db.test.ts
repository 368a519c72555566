import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { getReport } from './report.service.ts';
import { expectedReport, reportFigures, type ModelDeadlineRule } from './report-model.test-helpers.ts';
import { loadDeadlineRule } from './report-model-records.test-helpers.ts';
import { clearRecords, insertRecords, seedReportBasics, type ReferralSpec } from './report.test-helpers.ts';

/**
 * Property: for random record sets, every table equals an independent in-memory computation
 * from the same specs (report-model.test-helpers.ts, without the report's code).
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

let database: Database;
let rule: ModelDeadlineRule;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReportBasics(database.db);
  rule = await loadDeadlineRule(database.db);
});
afterAll(async () => {
  await database.close();
});

describe('the report against an independent computation', () => {
  it('property: every table equals the in-memory computation from the same records', async () => {
    const ctx = { db: database.db, actor: { kind: 'system' as const, name: 'test' }, clock: fixedClock(`${TODAY}T10:00:00Z`) };
    await fc.assert(
      fc.asyncProperty(fc.array(referralArb, { maxLength: 14 }), fc.subarray([...CODES], { minLength: 1 }), async (specs, scope) => {
        await clearRecords(database.db);
        await insertRecords(database.db, specs);
        const report = await getReport(ctx, { ...PERIOD, municipalities: scope });
        expect(reportFigures(report)).toEqual(expectedReport(specs, scope, { period: PERIOD, today: TODAY, deadline: rule }));
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
