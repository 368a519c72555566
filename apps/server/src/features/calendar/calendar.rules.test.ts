import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  countWorkingDays,
  createCalendar,
  defaultCalendar,
  fromDayNumber,
  isValidDate,
  isWorkingDay,
  isoWeekday,
  publicHolidays,
  publicHolidaysOnlyCalendar,
  toDayNumber,
  workingDaysBetween,
  type Calendar,
} from './calendar.rules.ts';

type ReferenceDay = { date: string; name: string; kind: 'helligdag' | 'special_day_not_helligdag' };

const csv = fs.readFileSync(new URL('../../../../../refdata/holidays/dk_holidays_2014_2030.csv', import.meta.url), 'utf8');
const reference: ReferenceDay[] = csv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [date = '', , name = '', , kind = ''] = line.split(',');
    return { date, name, kind: kind as ReferenceDay['kind'] };
  });
const referenceHolidays = reference.filter((r) => r.kind === 'helligdag');

/** A municipality that also closes between Christmas and New Year and on 1 May. */
const ownClosingDays: Calendar = createCalendar([
  { month: 6, day: 5 },
  { month: 12, day: 24 },
  { month: 12, day: 31 },
  { month: 5, day: 1 },
  { date: '2026-12-28' },
  { date: '2026-12-29' },
  { date: '2026-12-30' },
]);
const closingDaySets: [string, Calendar][] = [
  ['public holidays only', publicHolidaysOnlyCalendar],
  ['default closing days', defaultCalendar],
  ["a municipality's own closing days", ownClosingDays],
];

describe('public holidays against refdata/holidays (2014–2030)', () => {
  it('reads the reference file', () => {
    // 11 a year up to 2023, 10 from 2024 (Store bededag abolished).
    expect(referenceHolidays).toHaveLength(10 * 11 + 7 * 10);
  });

  it('agrees with date-holidays on every public holiday, in both directions', () => {
    for (let year = 2014; year <= 2030; year++) {
      const fromLibrary = [...publicHolidays(year).keys()].sort();
      const fromFile = referenceHolidays.filter((r) => r.date.startsWith(`${year}-`)).map((r) => r.date).sort();
      expect(fromLibrary, String(year)).toEqual(fromFile);
    }
  });

  it.each(closingDaySets)('makes every reference public holiday a non-working day (%s)', (_name, calendar) => {
    for (const h of referenceHolidays) expect(isWorkingDay(calendar, h.date), `${h.date} ${h.name}`).toBe(false);
  });

  it('treats the special days as closing days only where a set says so', () => {
    const special = reference.filter((r) => r.kind === 'special_day_not_helligdag' && isoWeekday(r.date) <= 5);
    for (const s of special) {
      const isDefaultClosing = /-(06-05|12-24|12-31)$/.test(s.date);
      // 1 May can coincide with Store bededag (2015), which is then a public holiday anyway.
      const isHoliday = referenceHolidays.some((h) => h.date === s.date);
      expect(isWorkingDay(publicHolidaysOnlyCalendar, s.date), s.date).toBe(!isHoliday);
      expect(isWorkingDay(defaultCalendar, s.date), s.date).toBe(!isDefaultClosing && !isHoliday);
    }
  });

  it('closes Store bededag 2023 and keeps its date open from 2024', () => {
    expect(publicHolidays(2023).get('2023-05-05')).toMatch(/bededag/i);
    expect(isWorkingDay(defaultCalendar, '2023-05-05')).toBe(false);
    // Easter 2024 was 31 March; Store bededag would have been Friday 26 April.
    expect(isWorkingDay(defaultCalendar, '2024-04-26')).toBe(true);
    expect([...publicHolidays(2024).values()].some((n) => /bededag/i.test(n))).toBe(false);
  });
});

describe('dates as UTC day numbers', () => {
  it('validates real dates', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2025-13-01')).toBe(false);
    expect(isValidDate('2025-1-01')).toBe(false);
  });

  it('adds calendar days across daylight-saving changes', () => {
    expect(addCalendarDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addCalendarDays('2025-10-25', 2)).toBe('2025-10-27');
    expect(addCalendarDays('2024-12-30', 7)).toBe('2025-01-06');
  });

  it('adds months with end-of-month clamping', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonths('2025-08-31', 13)).toBe('2026-09-30');
  });

  it('knows weekdays', () => {
    expect(isoWeekday('2025-04-21')).toBe(1);
    expect(isoWeekday('2026-12-24')).toBe(4);
    expect(isoWeekday('2027-01-03')).toBe(7);
  });
});

describe('working-day deadlines (hand-computed)', () => {
  it('counts the day of receipt as day 0 in an ordinary week', () => {
    expect(addWorkingDays(defaultCalendar, '2025-03-03', 5)).toBe('2025-03-10');
    expect(addWorkingDays(defaultCalendar, '2025-03-03', 0)).toBe('2025-03-03');
  });

  it('counts a weekend receipt from the next Monday', () => {
    expect(addWorkingDays(defaultCalendar, '2025-03-08', 5)).toBe('2025-03-17');
    expect(addWorkingDays(defaultCalendar, '2025-03-08', 0)).toBe('2025-03-10');
  });

  it('runs across Easter 2025 (17, 18, 20, 21 April closed)', () => {
    // Tue 15 April: 16 (1), 22 (2), 23 (3), 24 (4), 25 (5)
    expect(addWorkingDays(defaultCalendar, '2025-04-15', 5)).toBe('2025-04-25');
    // … 28 (6), 29 (7), 30 (8), 1 May (9, open in the default set), 2 May (10)
    expect(addWorkingDays(defaultCalendar, '2025-04-15', 10)).toBe('2025-05-02');
    // A municipality closed on 1 May: one day later.
    expect(addWorkingDays(ownClosingDays, '2025-04-15', 10)).toBe('2025-05-05');
    // Received on Maundy Thursday: day 0 is Tue 22 April.
    expect(addWorkingDays(defaultCalendar, '2025-04-17', 5)).toBe('2025-04-29');
    expect(countWorkingDays(defaultCalendar, '2025-04-15', '2025-04-25')).toBe(5);
  });

  it('runs across Christmas 2026 (24 Dec Thu, 25–26, 31 Dec, 1 Jan)', () => {
    // Mon 21 Dec: 22 (1), 23 (2), 28 (3), 29 (4), 30 (5)
    expect(addWorkingDays(defaultCalendar, '2026-12-21', 5)).toBe('2026-12-30');
    // Without the closing days 24 Dec counts: 22, 23, 24, 28, 29.
    expect(addWorkingDays(publicHolidaysOnlyCalendar, '2026-12-21', 5)).toBe('2026-12-29');
    // 10 working days: … 4 Jan (6), 5 (7), 6 (8), 7 (9), 8 (10)
    expect(addWorkingDays(defaultCalendar, '2026-12-21', 10)).toBe('2027-01-08');
    // Received on Christmas Eve: day 0 is Mon 28 Dec; 29 (1), 30 (2), 4 Jan (3), 5 (4), 6 (5)
    expect(addWorkingDays(defaultCalendar, '2026-12-24', 5)).toBe('2027-01-06');
    // A municipality closed 28–30 Dec: 22 (1), 23 (2), 4 Jan (3), 5 (4), 6 (5)
    expect(addWorkingDays(ownClosingDays, '2026-12-21', 5)).toBe('2027-01-06');
    expect(countWorkingDays(defaultCalendar, '2026-12-21', '2027-01-08')).toBe(10);
    expect(workingDaysBetween(defaultCalendar, '2026-12-21', '2026-12-29')).toBe(4);
  });
});

describe('working-day properties', () => {
  const day = fc.integer({ min: toDayNumber('2014-01-01'), max: toDayNumber('2030-11-30') }).map(fromDayNumber);
  const calendar = fc.constantFrom(...closingDaySets.map(([, c]) => c));
  const n = fc.integer({ min: 0, max: 60 });

  it('a working-day due date is always a working day', () => {
    fc.assert(fc.property(calendar, day, n, (c, from, k) => isWorkingDay(c, addWorkingDays(c, from, k))));
  });

  it('adding n + 1 working days lands after adding n', () => {
    fc.assert(fc.property(calendar, day, n, (c, from, k) => addWorkingDays(c, from, k + 1) > addWorkingDays(c, from, k)));
  });

  it('counting working days inverts adding them', () => {
    fc.assert(fc.property(calendar, day, n, (c, from, k) => countWorkingDays(c, from, addWorkingDays(c, from, k)) === k));
  });

  it('adding the count of working days up to a working day lands on it', () => {
    fc.assert(
      fc.property(calendar, day, fc.integer({ min: 0, max: 90 }), (c, from, span) => {
        const to = addCalendarDays(from, span);
        fc.pre(isWorkingDay(c, to) && to >= addWorkingDays(c, from, 0));
        return addWorkingDays(c, from, countWorkingDays(c, from, to)) === to;
      }),
    );
  });
});
