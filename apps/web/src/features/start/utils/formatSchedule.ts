import type { TeamSummary } from '@samkraft/contracts/start';
import type { Language } from '../../../i18n/language.ts';

export type ScheduleSlot = TeamSummary['schedule'][number];

const weekdays: Record<Language, readonly string[]> = {
  da: ['man.', 'tirs.', 'ons.', 'tors.', 'fre.', 'lør.', 'søn.'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** `HH:MM` plus minutes, wrapping past midnight; null when the time cannot be read. */
export function addMinutes(time: string, minutes: number): string | null {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) return null;
  const total = (Number(match[1]) * 60 + Number(match[2]) + minutes) % (24 * 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** "man. 10:00–11:00" — one slot of a team's weekly schedule. */
export function formatSlot(slot: ScheduleSlot, language: Language): string {
  const day = weekdays[language][slot.weekday - 1] ?? '';
  const start = slot.startTime.slice(0, 5);
  const end = addMinutes(slot.startTime, slot.durationMinutes);
  return `${day} ${start}${end ? `–${end}` : ''}`.trim();
}

/** The whole weekly schedule, slots ordered by day and time. */
export function formatSchedule(schedule: readonly ScheduleSlot[], language: Language): string[] {
  return [...schedule]
    .sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime))
    .map((slot) => formatSlot(slot, language));
}
