/**
 * Date arithmetic for demo data. Dates are ISO `YYYY-MM-DD` strings computed in UTC so that the
 * machine's time zone never shifts a day. Demo working days skip weekends only: the demo needs
 * plausible dates, not the deadline calendar (that lives with the deadline rules).
 */

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}

/** Moves forward (or back, with a negative count) over Monday–Friday only. */
export function addWeekdays(date: string, count: number): string {
  let d = date;
  let left = Math.abs(count);
  const step = count < 0 ? -1 : 1;
  while (left > 0) {
    d = addDays(d, step);
    if (!isWeekend(d)) left -= 1;
  }
  return d;
}

/** The date itself if a weekday, else the Friday before. */
export function weekdayOnOrBefore(date: string): string {
  let d = date;
  while (isWeekend(d)) d = addDays(d, -1);
  return d;
}

/** The first date on or after `date` whose ISO weekday is in `weekdays`. */
export function nextOnWeekdays(date: string, weekdays: readonly number[]): string {
  let d = date;
  for (let i = 0; i < 7 && !weekdays.includes(isoWeekday(d)); i++) d = addDays(d, 1);
  return d;
}

/** The instant of a local Copenhagen wall-clock time (sessions are booked in Danish time). */
export function copenhagenInstant(date: string, time: string): Date {
  const wallAsUtc = new Date(`${date}T${time}:00Z`).getTime();
  // Copenhagen is UTC+1 or UTC+2; find the offset that maps back to the wall-clock time.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(wallAsUtc - offsetHours * 3_600_000);
    if (copenhagenWallClock(candidate) === `${date} ${time}`) return candidate;
  }
  return new Date(wallAsUtc - 3_600_000);
}

function copenhagenWallClock(at: Date): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return parts;
}
