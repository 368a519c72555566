import fs from 'node:fs';

/** Time is passed in, never read ambiently, so rules and tests can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

/**
 * A clock read from a file holding one ISO 8601 instant (demo and test only, see config): a browser
 * journey moves time forward by rewriting the file. An unreadable or invalid file is an error,
 * never a silent fall-back to the real time.
 */
export function fileClock(file: string): Clock {
  return {
    now: () => {
      const text = fs.readFileSync(file, 'utf8').trim();
      const at = new Date(text);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(at.getTime())) throw new Error(`the clock file ${file} does not hold an ISO 8601 instant: ${JSON.stringify(text.slice(0, 40))}`);
      return at;
    },
  };
}

// Made once: constructing an Intl.DateTimeFormat costs far more than formatting with one (the
// deadline engine asks for thousands of dates in one worklist or report).
const copenhagenDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

/** The calendar date in Denmark for an instant — deadlines count Danish days, not UTC days. */
export function danishDate(at: Date): string {
  return copenhagenDay.format(at);
}

/**
 * The instant a Danish day begins (00:00 in Copenhagen, 23:00 or 22:00 UTC the day before). The
 * offset is read at UTC midnight of `date`, which is before that day's switch to or from summer
 * time (01:00 UTC), as Danish midnight is.
 */
export function startOfDanishDay(date: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const name = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', timeZoneName: 'longOffset' }).formatToParts(utcMidnight).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(utcMidnight.getTime() - minutes * 60_000);
}
