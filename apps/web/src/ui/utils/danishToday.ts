import { danishDateOf } from './danishDate.ts';

/** Today's calendar date in Denmark (YYYY-MM-DD), whatever the browser's time zone: form defaults. */
export function danishToday(now: Date = new Date()): string {
  return danishDateOf(now);
}
