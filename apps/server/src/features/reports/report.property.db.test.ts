import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@samkraft/contracts/reports';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { getReport } from './report.service.ts';
import { clearRecords, insertRecords, seedReportBasics, type ReferralSpec } from './report.test-helpers.ts';

/**
 * Property: for random record sets, every table equals an independent in-memory computation
 * from the same specs (written here, without the report's code).
 */
const CODES: readonly string[] = ['0151', '0159', '0163', '0175', '0240'];
const PERIOD = { from: '2017-01-01', to: '2017-12-31' };
const TODAY = '2018-08-01';

const day = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dateBetween = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => day(from, n));
const inPeriod = (d: string | undefined) => d !== undefined && d >= PERIOD.from && d <= PERIOD.to;

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

const count = <T>(list: readonly T[], pick: (x: T) => boolean) => list.filter(pick).length;
const ageAt = (birth: string, on: string) => Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
const lengthOf = (i: NonNullable<ReferralSpec['interventions']>[number]) => ((i.attendance?.length ?? 0) > 0 ? count(i.attendance ?? [], (a) => a === 'attended') : (i.recorded ?? null));

/** The oracle: every table computed straight from the specs. */
function expected(specs: readonly ReferralSpec[], scope: readonly string[]) {
  const inScope = specs.filter((s) => scope.includes(s.home));
  const received = inScope.filter((s) => inPeriod(s.receivedOn));
  const byHome = (code: string) => received.filter((s) => s.home === code);
  const interventions = (s: ReferralSpec) => s.interventions ?? [];
  const hasElsewhere = (s: ReferralSpec) => interventions(s).some((i) => i.provider !== s.home);

  const flows: Record<string, number> = {};
  for (const s of specs.filter((x) => inPeriod(x.receivedOn))) {
    for (const provider of new Set(interventions(s).map((i) => i.provider))) {
      if (scope.includes(s.home) || scope.includes(provider)) flows[`${s.home}>${provider}`] = (flows[`${s.home}>${provider}`] ?? 0) + 1;
    }
  }
  const exchange = Object.fromEntries(
    scope.map((code) => [code, [count(specs, (s) => inPeriod(s.receivedOn) && s.home !== code && interventions(s).some((i) => i.provider === code)), count(byHome(code), hasElsewhere)]]),
  );
  const sexAge = Object.fromEntries(
    scope.map((code) => {
      const list = byHome(code);
      const age = (s: ReferralSpec) => ageAt(s.birthDate, s.receivedOn);
      return [code, [count(list, (s) => s.sex === 'F'), count(list, (s) => s.sex === 'M'), count(list, (s) => age(s) <= 17), count(list, (s) => age(s) >= 18 && age(s) <= 39), count(list, (s) => age(s) >= 40), list.length]];
    }),
  );
  const sources = Object.fromEntries(
    scope.map((code) => {
      const list = byHome(code);
      return [code, [count(list, (s) => s.source === 'gp'), count(list, (s) => ['municipal', 'self', 'other'].includes(s.source)), count(list, (s) => s.source === 'hospital_gop'), count(list, (s) => s.source === 'hospital_ref01'), list.length]];
    }),
  );
  const pilot = {
    referred: scope.map((c) => byHome(c).length),
    assessed: scope.map((c) => count(byHome(c), (s) => s.assessedOn !== undefined)),
    declined: scope.map((c) => count(byHome(c), (s) => (s.declines ?? []).length > 0)),
    declinedTooFar: scope.map((c) => count(byHome(c), (s) => (s.declines ?? []).some((d) => d.reason === 'too_far'))),
    referredOn: scope.map((c) => count(byHome(c), (s) => interventions(s).some((i) => i.provider !== s.home))),
  };
  const lengths: Record<string, (number | null)[]> = {};
  for (const s of specs) {
    for (const i of interventions(s)) {
      if (!inPeriod(i.endedOn) || !scope.includes(i.provider)) continue;
      (lengths[`${i.intervention}:${i.provider}`] ??= []).push(lengthOf(i));
    }
  }
  const courseLength = Object.fromEntries(
    Object.entries(lengths).map(([key, list]) => {
      const known = list.filter((v): v is number => v !== null);
      const mean = known.length ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 100) / 100 : null;
      return [key, [known.length, known.length ? Math.min(...known) : null, known.length ? Math.max(...known) : null, mean, list.length - known.length]];
    }),
  );
  const deadline = { onTime: 0, late: 0, pending: 0, notApplicable: 0 };
  for (const s of received) {
    const due = day(s.receivedOn, 30);
    const stops = [s.closed?.on, ...(s.declines ?? []).map((d) => d.on)].filter((d): d is string => d !== undefined).sort();
    const stop = stops[0];
    if (s.assessedOn !== undefined) deadline[s.assessedOn <= due ? 'onTime' : 'late']++;
    else if (stop !== undefined && stop <= due) deadline.notApplicable++;
    else deadline[(stop !== undefined && stop < TODAY ? stop : TODAY) > due ? 'late' : 'pending']++;
  }
  const conversations = inScope.filter((s) => s.closing && inPeriod(s.closing.heldOn)).map((s) => s.closing!);
  const quarters = ['2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4'];
  const quarterOf = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
  const completeness = Object.fromEntries(
    scope.flatMap((code) =>
      quarters.map((q) => {
        const list = byHome(code).filter((s) => quarterOf(s.receivedOn) === q);
        const done = list.filter((s) => s.closed?.reason === 'completed');
        return [`${code}:${q}`, [list.length, done.length, count(done, (s) => !s.assessedOn), count(done, (s) => !s.plan), count(done, (s) => !s.closing), list.reduce((a, s) => a + count(interventions(s), (i) => i.endedOn !== undefined && lengthOf(i) === null), 0)]];
      }),
    ),
  );
  return {
    summary: [received.length, count(received, (s) => interventions(s).length > 0), count(received, hasElsewhere), inScope.reduce((a, s) => a + count(interventions(s), (i) => inPeriod(i.endedOn)), 0)],
    flows,
    exchange,
    sexAge,
    sources,
    pilot,
    courseLength,
    deadline,
    answers: [count(conversations, (c) => c.satisfaction !== null), count(conversations, (c) => (c.satisfaction ?? 0) >= 4), count(conversations, (c) => c.benefit !== null), count(conversations, (c) => (c.benefit ?? 0) >= 4)],
    completeness,
  };
}

/** The same shapes read from the report. */
function actual(report: Report) {
  const t = (id: string) => report.tables.find((x) => x.id === id)!;
  const keyed = (id: string) => Object.fromEntries(t(id).rows.filter((r) => !r.total).map((r) => [r.key, r.cells]));
  const flows: Record<string, number> = {};
  for (const r of t('flows').rows.filter((x) => !x.total)) {
    t('flows').columns.forEach((c, j) => {
      const v = r.cells[j] ?? 0;
      if (c.key !== 'total' && v > 0) flows[`${r.key}>${c.key}`] = v;
    });
  }
  const pilot = Object.fromEntries(t('pilot').rows.map((r) => [r.key, r.cells.slice(0, -1)]));
  const ind = (key: string) => t('indicators').rows.find((r) => r.key === key)?.cells[0];
  const i4 = report.indicators[3]!;
  const i5 = report.indicators[4]!;
  return {
    summary: t('summary').rows.map((r) => r.cells[0]),
    flows,
    exchange: keyed('exchange'),
    sexAge: keyed('sex_age'),
    sources: keyed('source_counts'),
    pilot: { referred: pilot.referred, assessed: pilot.assessed, declined: pilot.declined, declinedTooFar: pilot.declinedTooFar, referredOn: pilot.referredOn },
    courseLength: keyed('course_length'),
    deadline: { onTime: (ind('indicator_2_onTime') ?? 0) + (ind('indicator_2_onTimePaused') ?? 0), late: ind('indicator_2_late'), pending: ind('indicator_2_pending'), notApplicable: ind('indicator_2_notApplicable') },
    answers: [i4.basis, Math.round((i4.value ?? 0) * (i4.basis ?? 0)), i5.basis, Math.round((i5.value ?? 0) * (i5.basis ?? 0))],
    completeness: keyed('completeness'),
  };
}

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
    await fc.assert(
      fc.asyncProperty(fc.array(referralArb, { maxLength: 14 }), fc.subarray([...CODES], { minLength: 1 }), async (specs, scope) => {
        await clearRecords(database.db);
        await insertRecords(database.db, specs);
        const report = await getReport(ctx, { ...PERIOD, municipalities: scope });
        const order = (codes: readonly string[]) => [...codes].sort((a, b) => (report.municipalities.findIndex((m) => m.code === a) - report.municipalities.findIndex((m) => m.code === b)));
        const want = expected(specs, scope);
        const got = actual(report);
        // The pilot table's columns follow the municipalities by name.
        const byName = order(scope);
        const pilotWant = Object.fromEntries(Object.entries(want.pilot).map(([k, v]) => [k, byName.map((c) => v[scope.indexOf(c)])]));
        expect({ ...got, pilot: got.pilot }).toEqual({ ...want, pilot: pilotWant });
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
