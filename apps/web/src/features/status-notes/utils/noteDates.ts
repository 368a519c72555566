import { danishToday } from '../../../ui/utils/danishToday.ts';

/** The Danish calendar date of an instant (a note sent late in the evening UTC is the next day in Denmark). */
export function danishDateOf(instant: string): string {
  return danishToday(new Date(instant));
}
