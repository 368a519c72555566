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
