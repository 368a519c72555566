import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { endOf } from './appointments.rules.ts';

export type CalendarItem = {
  sessionId: string;
  startsAt: Date;
  durationMinutes: number;
  /** Cancelled by the team or by the citizen: the phone shows it as cancelled. */
  cancelled: boolean;
  placeName: string | null;
  room: string | null;
  address: string | null;
  interventionName: string;
  teamName: string;
};

/** The event's title: what it is, not which illness it is for. */
export const EVENT_TITLE = 'Holdtræning – Samkraft';

/**
 * An iCalendar (RFC 5545) of the citizen's sessions, METHOD:PUBLISH, times in UTC, one stable
 * UID per session (so a re-read feed updates, never duplicates), a cancelled session as
 * STATUS:CANCELLED. `minimal` is for the subscribed feed, whose link anyone holding it can read:
 * the title, the time and the address only; the one-off download (behind the citizen's sign-in)
 * also names the place, the room, the intervention and the team.
 */
export function buildCalendar(items: readonly CalendarItem[], o: { detail: 'minimal' | 'full'; now: Date }): string {
  const calendar = ical({
    name: 'Samkraft – mine aftaler',
    prodId: { company: 'Samkraft', product: 'Mine aftaler', language: 'DA' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  for (const it of items) {
    const full = o.detail === 'full';
    const location = full ? [it.placeName, it.room, it.address].filter((p): p is string => p !== null && p.trim() !== '').join(', ') : (it.address ?? it.placeName ?? '');
    calendar.createEvent({
      id: `${it.sessionId}@samkraft`,
      start: it.startsAt,
      end: endOf(it),
      stamp: o.now,
      summary: EVENT_TITLE,
      location: location === '' ? null : location,
      description: full ? `${it.interventionName} – ${it.teamName}` : null,
      status: it.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: it.cancelled ? 1 : 0,
    });
  }
  return calendar.toString();
}
