import fs from 'node:fs';
import type { Report } from '@samkraft/contracts/reports';
import type { InterventionSpec, ReferralSpec } from './report-records.ts';

/**
 * An independent model of the report: every table the tests compare, computed in plain
 * TypeScript straight from record specs. It uses none of the report's code (nor the calendar's or
 * the deadline engine's): a rewrite of a report query is checked against it, not against itself.
 * Public holidays come from the reference data (refdata/holidays), not the holiday library.
 */

export type ModelPeriod = { from: string; to: string };

export type ModelPolicy = { amount: number; unit: 'working_days' | 'calendar_days' | 'months'; effectiveFrom: string };

/** Indicator 2's rule: the initial assessment's policies by effective date, and whose days are working days. */
export type ModelDeadlineRule = { policies: readonly ModelPolicy[]; isWorkingDay: (municipality: string, date: string) => boolean };

/** A municipality's expected new cancer cases a year and the share needing rehabilitation (reference data). */
export type ModelPotential = { municipality: string; year: number; newCases: number; rehabShare: number };

export type ModelRequest = { period: ModelPeriod; compare?: ModelPeriod; today: string; deadline: ModelDeadlineRule; potentials: readonly ModelPotential[] };

export type ModelClosingDay = { municipality: string | null; monthDay: string | null; date: string | null };

const HOLIDAYS_CSV = new URL('../../../../refdata/holidays/dk_holidays_2014_2030.csv', import.meta.url);

/** Danish public holidays (helligdage) of the reference file, and the years it covers. */
export function referenceHolidays(): { dates: ReadonlySet<string>; firstYear: number; lastYear: number } {
  const rows = fs.readFileSync(HOLIDAYS_CSV, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  const dates = new Set(rows.filter((r) => r[4] === 'helligdag').map((r) => r[0] ?? ''));
  const years = rows.map((r) => Number((r[0] ?? '').slice(0, 4)));
  return { dates, firstYear: Math.min(...years), lastYear: Math.max(...years) };
}

/** Monday–Friday that is neither a public holiday of the reference file nor a closing day (the default set and the municipality's own). */
export function referenceWorkingDays(closingDays: readonly ModelClosingDay[]): ModelDeadlineRule['isWorkingDay'] {
  const holidays = referenceHolidays();
  return (municipality, date) => {
    const year = Number(date.slice(0, 4));
    if (year < holidays.firstYear || year > holidays.lastYear) throw new Error(`the holiday reference file does not cover ${date}`);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6 || holidays.dates.has(date)) return false;
    return !closingDays.some((c) => (c.municipality === null || c.municipality === municipality) && (c.date === date || c.monthDay === date.slice(5)));
  };
}

const day = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const months = (d: string, n: number) => {
  const index = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1 + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(Number(d.slice(8, 10)), last)).padStart(2, '0')}`;
};
const within = (d: string | undefined, p: ModelPeriod | undefined) => d !== undefined && p !== undefined && d >= p.from && d <= p.to;
const count = <T>(list: readonly T[], pick: (x: T) => boolean) => list.filter(pick).length;
const first = (dates: readonly (string | undefined)[]) => dates.filter((d): d is string => d !== undefined).sort()[0];
const ageAt = (birth: string, on: string) => Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
const interventions = (s: ReferralSpec) => s.interventions ?? [];
const kindOf = (s: ReferralSpec, i: InterventionSpec) => i.kind ?? (i.provider === s.home ? 'home' : 'cross_municipal');

/** Sessions attended: on a team when enrolled, else the end note's count, else the count recorded; null when unknown. */
export function lengthOf(i: InterventionSpec): number | null {
  if ((i.attendance?.length ?? 0) > 0 || i.enrolled) return count(i.attendance ?? [], (a) => a === 'attended');
  return i.endNoteAttendance ?? i.recorded ?? null;
}

export type DeadlineCounts = { onTime: number; onTimePaused: number; late: number; paused: number; pending: number; notApplicable: number };

/** Indicator 2 for one referral: its initial needs assessment against the policy in force at receipt, as of `today`. */
export function assessmentDeadline(s: ReferralSpec, rule: ModelDeadlineRule, today: string): keyof DeadlineCounts {
  const policy = [...rule.policies].filter((p) => p.effectiveFrom <= s.receivedOn).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  if (!policy) return 'notApplicable';
  const working = (d: string) => rule.isWorkingDay(s.home, d);
  // Day 0 is the day itself, or the next working day; then n working days on.
  const addWorking = (from: string, n: number) => {
    let d = from;
    while (!working(d)) d = day(d, 1);
    for (let left = n; left > 0; ) {
      d = day(d, 1);
      if (working(d)) left--;
    }
    return d;
  };
  const baseDue = policy.unit === 'working_days' ? addWorking(s.receivedOn, policy.amount) : policy.unit === 'calendar_days' ? day(s.receivedOn, policy.amount) : months(s.receivedOn, policy.amount);
  // Only a decline of the whole course stops the clock, not a decline of one offer.
  const stop = first([s.closed?.on, ...(s.declines ?? []).filter((d) => d.offer === undefined).map((d) => d.on)]);
  const met = s.assessedOn;
  const cap = first([met, stop, day(today, 1)]) ?? day(today, 1);
  const stood = new Set<string>();
  for (const p of s.pause ? [s.pause] : []) {
    const until = first([p.resumedOn ?? cap, cap]) ?? cap;
    for (let d = p.pausedOn > s.receivedOn ? p.pausedOn : s.receivedOn; d < until; d = day(d, 1)) if (working(d)) stood.add(d);
  }
  const due = stood.size > 0 ? addWorking(baseDue, stood.size) : baseDue;
  if (met !== undefined) return met > due ? 'late' : stood.size > 0 ? 'onTimePaused' : 'onTime';
  if (stop !== undefined && stop <= due) return 'notApplicable';
  if (s.pause && s.pause.resumedOn === null && stop === undefined) return 'paused';
  return (stop !== undefined && stop < today ? stop : today) > due ? 'late' : 'pending';
}

/** The calendar half-years or quarters a period touches, keyed `YYYY-Hn` / `YYYY-Qn`. */
function partsOf(p: ModelPeriod, perYear: 2 | 4): string[] {
  const keys: string[] = [];
  for (let d = p.from; d <= p.to; d = day(d, 1)) {
    const key = `${d.slice(0, 4)}-${perYear === 2 ? 'H' : 'Q'}${Math.floor((Number(d.slice(5, 7)) - 1) / (12 / perYear)) + 1}`;
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  return keys;
}
const partOf = (d: string, perYear: 2 | 4) => `${d.slice(0, 4)}-${perYear === 2 ? 'H' : 'Q'}${Math.floor((Number(d.slice(5, 7)) - 1) / (12 / perYear)) + 1}`;

/** Every compared table of the report, computed straight from the specs. */
export function expectedReport(specs: readonly ReferralSpec[], scope: readonly string[], request: ModelRequest) {
  const { period, compare, today } = request;
  const inScope = specs.filter((s) => scope.includes(s.home));
  const receivedIn = (p: ModelPeriod) => inScope.filter((s) => within(s.receivedOn, p));
  const received = receivedIn(period);
  const byHome = (code: string) => received.filter((s) => s.home === code);
  const hasElsewhere = (s: ReferralSpec) => interventions(s).some((i) => i.provider !== s.home);
  const referredOn = (s: ReferralSpec) => interventions(s).some((i) => kindOf(s, i) === 'cross_municipal');
  const endedIn = (p: ModelPeriod | ((d: string) => boolean)) => inScope.reduce((a, s) => a + count(interventions(s), (i) => (typeof p === 'function' ? i.endedOn !== undefined && p(i.endedOn) : within(i.endedOn, p))), 0);
  const summaryOf = (list: readonly ReferralSpec[], completed: number) => [list.length, count(list, (s) => interventions(s).length > 0), count(list, hasElsewhere), completed];

  const flows: Record<string, number> = {};
  for (const s of specs.filter((x) => within(x.receivedOn, period))) {
    for (const provider of new Set(interventions(s).map((i) => i.provider))) {
      if (scope.includes(s.home) || scope.includes(provider)) flows[`${s.home}>${provider}`] = (flows[`${s.home}>${provider}`] ?? 0) + 1;
    }
  }
  const perHome = <T>(cells: (list: ReferralSpec[], code: string) => T) => Object.fromEntries(scope.map((code) => [code, cells(byHome(code), code)]));
  const exchange = perHome((list, code) => [count(specs, (s) => within(s.receivedOn, period) && s.home !== code && interventions(s).some((i) => i.provider === code)), count(list, hasElsewhere)]);
  const age = (s: ReferralSpec) => ageAt(s.birthDate, s.receivedOn);
  const sexAge = perHome((list) => [count(list, (s) => s.sex === 'F'), count(list, (s) => s.sex === 'M'), count(list, (s) => age(s) <= 17), count(list, (s) => age(s) >= 18 && age(s) <= 39), count(list, (s) => age(s) >= 40), list.length]);
  const bySource = (list: readonly ReferralSpec[]) => [count(list, (s) => s.source === 'gp'), count(list, (s) => ['municipal', 'self', 'other'].includes(s.source)), count(list, (s) => s.source === 'hospital_gop'), count(list, (s) => s.source === 'hospital_ref01')];
  const sources = perHome((list) => [...bySource(list), list.length]);
  const sourceShares = perHome((list) => [...bySource(list), list.length].map((n) => (list.length > 0 ? n / list.length : null)));
  // The potential of the latest year up to the period's, else the earliest; times the share of a year the period covers.
  const year = Number(period.from.slice(0, 4));
  let fraction = 0;
  for (let y = year; y <= Number(period.to.slice(0, 4)); y++) {
    const from = period.from > `${y}-01-01` ? period.from : `${y}-01-01`;
    const to = period.to < `${y}-12-31` ? period.to : `${y}-12-31`;
    const days = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
    if (from <= to) fraction += (days(from, to) + 1) / days(`${y}-01-01`, `${y + 1}-01-01`);
  }
  const coverage = perHome((list, code) => {
    const own = request.potentials.filter((p) => p.municipality === code);
    const p = own.filter((x) => x.year <= year).sort((a, b) => b.year - a.year)[0] ?? own.sort((a, b) => a.year - b.year)[0];
    if (!p) return [list.length, null, null, null];
    const potential = Math.round(p.newCases * p.rehabShare * fraction * 10) / 10;
    return [list.length, p.newCases, potential, potential > 0 ? list.length / potential : null];
  });
  const declinedFor = (reason?: string) => (s: ReferralSpec) => (s.declines ?? []).some((d) => reason === undefined || d.reason === reason);
  const pilotRow = (pick: (s: ReferralSpec) => boolean) => perHome((list) => count(list, pick));
  const pilot = {
    referred: pilotRow(() => true),
    assessed: pilotRow((s) => s.assessedOn !== undefined),
    declined: pilotRow(declinedFor()),
    declinedNotRelevant: pilotRow(declinedFor('not_relevant')),
    declinedTooFar: pilotRow(declinedFor('too_far')),
    declinedAlreadyInHomeCourse: pilotRow(declinedFor('already_in_home_course')),
    declinedOther: pilotRow(declinedFor('other')),
    referredOn: pilotRow(referredOn),
  };
  const lengths: Record<string, (number | null)[]> = {};
  for (const s of specs) {
    for (const i of interventions(s)) {
      if (within(i.endedOn, period) && scope.includes(i.provider)) (lengths[`${i.intervention}:${i.provider}`] ??= []).push(lengthOf(i));
    }
  }
  const courseLength = Object.fromEntries(
    Object.entries(lengths).map(([key, list]) => {
      const known = list.filter((v): v is number => v !== null);
      const mean = known.length ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 100) / 100 : null;
      return [key, [known.length, known.length ? Math.min(...known) : null, known.length ? Math.max(...known) : null, mean, list.length - known.length]];
    }),
  );
  const deadline: DeadlineCounts = { onTime: 0, onTimePaused: 0, late: 0, paused: 0, pending: 0, notApplicable: 0 };
  for (const s of received) deadline[assessmentDeadline(s, request.deadline, today)]++;
  const conversations = inScope.filter((s) => s.closing && within(s.closing.heldOn, period)).map((s) => s.closing!);
  const completeness = Object.fromEntries(
    scope.flatMap((code) =>
      partsOf(period, 4).map((q) => {
        const list = byHome(code).filter((s) => partOf(s.receivedOn, 4) === q);
        const done = list.filter((s) => s.closed?.reason === 'completed');
        const unknown = list.reduce((a, s) => a + count(interventions(s), (i) => i.endedOn !== undefined && lengthOf(i) === null), 0);
        return [`${code}:${q}`, [list.length, done.length, count(done, (s) => !s.assessedOn), count(done, (s) => !s.plan), count(done, (s) => !s.closing), unknown]];
      }),
    ),
  );
  const compared = compare ? receivedIn(compare) : undefined;
  // The trend runs from the comparison period's start when that lies before the period.
  const trendPeriod = compare && compare.from < period.from ? { from: compare.from, to: period.to } : period;
  const trend = Object.fromEntries(
    partsOf(trendPeriod, 2).map((h) => [h, summaryOf(receivedIn(trendPeriod).filter((s) => partOf(s.receivedOn, 2) === h), endedIn((d) => within(d, trendPeriod) && partOf(d, 2) === h))]),
  );
  const main = summaryOf(received, endedIn(period));
  return {
    summary: compare && compared ? main.map((v, j) => [v, summaryOf(compared, endedIn(compare))[j]]) : main.map((v) => [v]),
    trend,
    flows,
    exchange,
    sexAge,
    sources,
    sourceShares,
    pilot,
    courseLength,
    coverage,
    indicators: {
      referred: [received.length, compared?.length ?? null],
      bySource: bySource(received),
      referredOn: [count(received, referredOn), compared ? count(compared, referredOn) : null],
      deadline,
      answers: [count(conversations, (c) => c.satisfaction !== null), count(conversations, (c) => (c.satisfaction ?? 0) >= 4), count(conversations, (c) => c.benefit !== null), count(conversations, (c) => (c.benefit ?? 0) >= 4)],
    },
    completeness,
  };
}

/** The same shapes read from a report. */
export function reportFigures(report: Report) {
  const t = (id: string) => {
    const found = report.tables.find((x) => x.id === id);
    if (!found) throw new Error(`the report has no table ${id}`);
    return found;
  };
  const keyed = (id: string) => Object.fromEntries(t(id).rows.filter((r) => !r.total).map((r) => [r.key, r.cells]));
  const flows: Record<string, number> = {};
  for (const r of t('flows').rows.filter((x) => !x.total)) {
    t('flows').columns.forEach((c, j) => {
      const v = r.cells[j] ?? 0;
      if (c.key !== 'total' && v > 0) flows[`${r.key}>${c.key}`] = v;
    });
  }
  // The pilot table has the municipalities as columns.
  const pilotColumns = t('pilot').columns.filter((c) => c.key !== 'total');
  const pilot = Object.fromEntries(t('pilot').rows.map((r) => [r.key, Object.fromEntries(pilotColumns.map((c, j) => [c.key, r.cells[j]]))]));
  const ind = (key: string) => t('indicators').rows.find((r) => r.key === key)?.cells[0];
  const indicator = (n: number) => report.indicators.find((i) => i.number === n)!;
  const answered = (i: Report['indicators'][number]) => [i.basis, Math.round((i.value ?? 0) * (i.basis ?? 0))];
  // Half-years keyed `YYYY-Hn` as the model keys them ("2. halvår 2024").
  const trend = Object.fromEntries(t('trend').rows.map((r) => [r.key.replace(/^(\d)\. halvår (\d{4})$/, '$2-H$1'), r.cells]));
  return {
    summary: t('summary').rows.map((r) => r.cells),
    trend,
    flows,
    exchange: keyed('exchange'),
    sexAge: keyed('sex_age'),
    sources: keyed('source_counts'),
    sourceShares: keyed('source_shares'),
    pilot,
    courseLength: keyed('course_length'),
    coverage: keyed('coverage'),
    indicators: {
      referred: [indicator(1).value, indicator(1).compareValue],
      bySource: ['gp', 'other', 'hospital_gop', 'hospital_ref01'].map((s) => ind(`indicator_1_${s}`)),
      referredOn: [indicator(3).value, indicator(3).compareValue],
      deadline: Object.fromEntries(['onTime', 'onTimePaused', 'late', 'paused', 'pending', 'notApplicable'].map((k) => [k, ind(`indicator_2_${k}`)])),
      answers: [...answered(indicator(4)), ...answered(indicator(5))],
    },
    completeness: keyed('completeness'),
  };
}
