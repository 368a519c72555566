import type { FieldIssue } from '../../platform/errors.ts';
import { addCalendarDays, addMonths, maxDate, minDate, toDayNumber, type IsoDate } from '../calendar/calendar.rules.ts';

/**
 * Periods and the counting conventions of the annual report (report Bilag 3): a referral belongs
 * to the period of its receipt; age is taken at receipt; three age bands; the source "other"
 * gathers municipal, self and other.
 */

export type Period = { from: IsoDate; to: IsoDate };

/** Ten years is far more than any report needs and keeps the quarter tables bounded. */
export const MAX_PERIOD_YEARS = 10;

export function checkPeriods(p: { from: IsoDate; to: IsoDate; compareFrom?: IsoDate | undefined; compareTo?: IsoDate | undefined }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const check = (from: IsoDate, to: IsoDate, toField: string): void => {
    if (to < from) issues.push({ field: toField, code: 'before_start', message: 'must not be before the start of the period' });
    else if (to >= addMonths(from, MAX_PERIOD_YEARS * 12)) issues.push({ field: toField, code: 'period_too_long', message: `at most ${MAX_PERIOD_YEARS} years` });
  };
  check(p.from, p.to, 'to');
  if ((p.compareFrom === undefined) !== (p.compareTo === undefined)) {
    const missing = p.compareFrom === undefined ? 'compareFrom' : 'compareTo';
    issues.push({ field: missing, code: 'required', message: 'give both ends of the comparison period, or neither' });
  } else if (p.compareFrom !== undefined && p.compareTo !== undefined) {
    check(p.compareFrom, p.compareTo, 'compareTo');
  }
  return issues;
}

/** Whole years of age on a date. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export const ageBands = ['0-17', '18-39', '40+'] as const;
export type AgeBand = (typeof ageBands)[number];

export function ageBandOf(age: number): AgeBand {
  return age < 18 ? '0-17' : age < 40 ? '18-39' : '40+';
}

/** The report's four sources (Tables 3.1/3.2). */
export const sourceGroups = ['gp', 'other', 'hospital_gop', 'hospital_ref01'] as const;
export type SourceGroup = (typeof sourceGroups)[number];

export function sourceGroupOf(source: string): SourceGroup {
  switch (source) {
    case 'gp':
    case 'hospital_gop':
    case 'hospital_ref01':
      return source;
    default:
      return 'other';
  }
}

/** The calendar half-years a period touches, each cut to the period. */
export function halfYearsOf(p: Period): (Period & { label: string })[] {
  const result: (Period & { label: string })[] = [];
  for (let year = Number(p.from.slice(0, 4)); year <= Number(p.to.slice(0, 4)); year++) {
    for (const [half, start, end] of [[1, '01-01', '06-30'], [2, '07-01', '12-31']] as const) {
      const from = maxDate(`${year}-${start}`, p.from);
      const to = minDate(`${year}-${end}`, p.to);
      if (from <= to) result.push({ from, to, label: `${half}. halvår ${year}` });
    }
  }
  return result;
}

/** The calendar quarters a period touches, each cut to the period. */
export function quartersOf(p: Period): (Period & { key: string; label: string })[] {
  const result: (Period & { key: string; label: string })[] = [];
  for (let year = Number(p.from.slice(0, 4)); year <= Number(p.to.slice(0, 4)); year++) {
    for (let q = 1; q <= 4; q++) {
      const start = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
      const end = addCalendarDays(q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`, -1);
      const from = maxDate(start, p.from);
      const to = minDate(end, p.to);
      if (from <= to) result.push({ from, to, key: `${year}-Q${q}`, label: `${q}. kvt. ${year}` });
    }
  }
  return result;
}

export function quarterKeyOf(date: IsoDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The share of a year a period covers: a calendar year is 1, a half-year about 0.5. */
export function yearFraction(p: Period): number {
  let total = 0;
  for (let year = Number(p.from.slice(0, 4)); year <= Number(p.to.slice(0, 4)); year++) {
    const from = maxDate(`${year}-01-01`, p.from);
    const to = minDate(`${year}-12-31`, p.to);
    if (from > to) continue;
    const daysInYear = toDayNumber(`${year + 1}-01-01`) - toDayNumber(`${year}-01-01`);
    total += (toDayNumber(to) - toDayNumber(from) + 1) / daysInYear;
  }
  return total;
}

export function inPeriod(date: IsoDate | null, p: Period): boolean {
  return date !== null && date >= p.from && date <= p.to;
}

/** Does `outer` hold every day of `inner`? */
export function covers(outer: Period, inner: Period): boolean {
  return inner.from >= outer.from && inner.to <= outer.to;
}
