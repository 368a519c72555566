import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { DEFAULT_CLOSING_DAYS } from '../reference-data/policies.data.ts';

/**
 * The working-day calendar (hverdage): Monday–Friday that are neither Danish public holidays nor
 * closing days. Dates are `YYYY-MM-DD` strings and all arithmetic is on whole UTC days, so the
 * process time zone (and daylight saving) can never move a date.
 */

export type IsoDate = string;

/** A closing day on top of the public holidays: every year on a month/day, or once on a date. */
export type ClosingDay = { month: number; day: number; label?: string } | { date: IsoDate; label?: string };

export type Calendar = {
  /** `MM-DD` of the recurring closing days. */
  readonly recurring: ReadonlySet<string>;
  /** One-off closing days. */
  readonly dates: ReadonlySet<IsoDate>;
};

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: IsoDate): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

// The deadline engine turns the same few thousand dates back and forth for every course of a
// worklist or report; remembering them (a date is a pure function of its number and back) makes
// that cheap. Bounded: a span of 100 years is 36,525 days.
const MEMO_LIMIT = 40_000;
const dayNumbers = new Map<IsoDate, number>();
const isoDates = new Map<number, IsoDate>();

/** Days since 1970-01-01 (UTC); the one place a date becomes a number. */
export function toDayNumber(date: IsoDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const [y, m, d] = parts(date);
  const day = Date.UTC(y, m - 1, d) / DAY_MS;
  if (dayNumbers.size < MEMO_LIMIT) dayNumbers.set(date, day);
  return day;
}

export function fromDayNumber(day: number): IsoDate {
  const known = isoDates.get(day);
  if (known !== undefined) return known;
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (isoDates.size < MEMO_LIMIT) isoDates.set(day, date);
  return date;
}

/** A real calendar date (rejects 2025-02-30, 2025-13-01). */
export function isValidDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const [y] = parts(value);
  return y >= 1000 && fromDayNumber(toDayNumber(value)) === value;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds calendar months; a day the target month lacks clamps to its end (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

// ───────────────────────────── public holidays ─────────────────────────────

let holidayLibrary: Holidays | undefined;
const holidaysByYear = new Map<number, ReadonlyMap<IsoDate, string>>();

/**
 * The library (~2 MB of JavaScript with moment-timezone and astronomia) loads when a holiday is
 * first asked for, not at every start; synchronously, so the calendar's functions stay plain
 * functions.
 */
function holidayLibraryForDenmark(): Holidays {
  const require = createRequire(import.meta.url);
  const HolidaysClass = require('date-holidays') as typeof Holidays;
  return new HolidaysClass('DK', { languages: ['da'], types: ['public'] });
}

/**
 * Danish public holidays (helligdage) of a year from the maintained `date-holidays` library,
 * cached per year. Only type `public`: 1 May, 5 June, 24 and 31 December are not public holidays
 * (they are closing days, configured as data); Store bededag is public up to 2023 only.
 */
export function publicHolidays(year: number): ReadonlyMap<IsoDate, string> {
  let found = holidaysByYear.get(year);
  if (!found) {
    holidayLibrary ??= holidayLibraryForDenmark();
    const map = new Map<IsoDate, string>();
    for (const h of holidayLibrary.getHolidays(year)) {
      // `date` is the local date in Denmark as text; `start` is an instant and would depend on TZ.
      if (h.type === 'public') map.set(h.date.slice(0, 10), h.name);
    }
    found = map;
    holidaysByYear.set(year, found);
  }
  return found;
}

export function isPublicHoliday(date: IsoDate): boolean {
  // The year without parsing the whole date: this runs for every day a deadline counts.
  return publicHolidays(Number(date.slice(0, 4))).has(date);
}

// ───────────────────────────── working days ─────────────────────────────

export function createCalendar(closingDays: readonly ClosingDay[]): Calendar {
  const recurring = new Set<string>();
  const dates = new Set<IsoDate>();
  for (const c of closingDays) {
    if ('date' in c) dates.add(c.date);
    else recurring.add(`${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`);
  }
  return { recurring, dates };
}

/** The collaboration's default set: public holidays plus 5 June, 24 and 31 December. */
export const defaultCalendar: Calendar = createCalendar(DEFAULT_CLOSING_DAYS);

/** Public holidays only — the legal minimum, used to show that every closing-day set keeps them. */
export const publicHolidaysOnlyCalendar: Calendar = createCalendar([]);

export function isClosingDay(calendar: Calendar, date: IsoDate): boolean {
  return calendar.dates.has(date) || calendar.recurring.has(date.slice(5));
}

export function isWorkingDay(calendar: Calendar, date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isPublicHoliday(date) && !isClosingDay(calendar, date);
}

// The working-day loops below ask the same calendar about the same few hundred days for every
// deadline of a worklist or report; each calendar remembers its answers by day number.
const workingDayMemo = new WeakMap<Calendar, Map<number, boolean>>();

function isWorkingDayNumber(calendar: Calendar, day: number): boolean {
  let memo = workingDayMemo.get(calendar);
  if (!memo) {
    memo = new Map();
    workingDayMemo.set(calendar, memo);
  }
  let working = memo.get(day);
  if (working === undefined) {
    working = isWorkingDay(calendar, fromDayNumber(day));
    if (memo.size < MEMO_LIMIT) memo.set(day, working);
  }
  return working;
}

/** The date itself when it is a working day, otherwise the next working day. */
export function firstWorkingDayFrom(calendar: Calendar, date: IsoDate): IsoDate {
  return fromDayNumber(firstWorkingDayNumber(calendar, toDayNumber(date)));
}

function firstWorkingDayNumber(calendar: Calendar, day: number): number {
  let d = day;
  while (!isWorkingDayNumber(calendar, d)) d++;
  return d;
}

/**
 * The end of the `n`th working day after `from`. The day of receipt is day 0; a receipt on a
 * non-working day counts from the next working day (which is then day 0). So "within 5 working
 * days" of a Monday receipt in an ordinary week is due on the next Monday.
 */
export function addWorkingDays(calendar: Calendar, from: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days to add must be a whole number ≥ 0, not ${n}`);
  let d = firstWorkingDayNumber(calendar, toDayNumber(from));
  for (let left = n; left > 0; ) {
    d++;
    if (isWorkingDayNumber(calendar, d)) left--;
  }
  return fromDayNumber(d);
}

/**
 * Working days from `from` (day 0, moved to the next working day as for `addWorkingDays`) up to
 * and including `to`; 0 when `to` is not after day 0. The inverse of `addWorkingDays`:
 * `countWorkingDays(c, f, addWorkingDays(c, f, n)) === n`.
 */
export function countWorkingDays(calendar: Calendar, from: IsoDate, to: IsoDate): number {
  const start = firstWorkingDayNumber(calendar, toDayNumber(from));
  const end = toDayNumber(to);
  let count = 0;
  for (let d = start + 1; d <= end; d++) if (isWorkingDayNumber(calendar, d)) count++;
  return count;
}

/** Working days in the half-open range [from, until): the days a paused clock stood still. */
export function workingDaysBetween(calendar: Calendar, from: IsoDate, until: IsoDate): number {
  let count = 0;
  for (let d = toDayNumber(from), end = toDayNumber(until); d < end; d++) if (isWorkingDayNumber(calendar, d)) count++;
  return count;
}
