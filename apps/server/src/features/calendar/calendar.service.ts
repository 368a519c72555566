import type { Db } from '../../platform/database/database.ts';
import { createCalendar, type Calendar, type ClosingDay } from './calendar.rules.ts';
import { listAllClosingDays, listClosingDays, type ClosingDayRecord } from './calendar.repository.ts';

function toClosingDay(r: ClosingDayRecord): ClosingDay {
  return r.onDate !== null ? { date: r.onDate, label: r.label } : { month: r.month ?? 0, day: r.day ?? 0, label: r.label };
}

/**
 * The working-day calendar of each municipality: public holidays, the default closing days and
 * the municipality's own. A deadline is counted in the calendar of the municipality that must
 * act — the home municipality for its own steps, the providing municipality for the provider's.
 */
export async function loadCalendars(db: Db, municipalityCodes: readonly string[]): Promise<Map<string, Calendar>> {
  const codes = [...new Set(municipalityCodes)];
  const rows = await listClosingDays(db, codes);
  const defaults = rows.filter((r) => r.municipalityCode === null).map(toClosingDay);
  return new Map(codes.map((code) => [code, createCalendar([...defaults, ...rows.filter((r) => r.municipalityCode === code).map(toClosingDay)])]));
}

/**
 * Every municipality's calendar, from all closing days in one query (the table holds a few rows a
 * municipality), each built on first use — for work that does not know beforehand whose
 * calendars it needs, so the query can run beside its other reads.
 */
export async function loadCalendarBook(db: Db): Promise<(municipalityCode: string) => Calendar> {
  const rows = await listAllClosingDays(db);
  const defaults = rows.filter((r) => r.municipalityCode === null).map(toClosingDay);
  const built = new Map<string, Calendar>();
  return (code) => {
    let calendar = built.get(code);
    if (!calendar) {
      calendar = createCalendar([...defaults, ...rows.filter((r) => r.municipalityCode === code).map(toClosingDay)]);
      built.set(code, calendar);
    }
    return calendar;
  };
}

export async function loadCalendar(db: Db, municipalityCode: string): Promise<Calendar> {
  const calendars = await loadCalendars(db, [municipalityCode]);
  return calendars.get(municipalityCode) ?? createCalendar([]);
}
