import type { TeamSession } from '@samkraft/contracts/teams';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';

/**
 * The sessions the therapist is most likely to open: today's (the session's Danish date as the
 * server gives it; cancelled ones too, so a cancellation is seen), or else the next one not cancelled. `when` says which.
 */
export function sessionsNow(sessions: readonly TeamSession[], now: Date): { when: 'today' | 'next'; sessions: TeamSession[] } | null {
  const today = danishDateOf(now);
  const byStart = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const todays = byStart.filter((s) => s.date === today);
  if (todays.length > 0) return { when: 'today', sessions: todays };
  const next = byStart.find((s) => !s.cancelled && Date.parse(s.startsAt) > now.getTime());
  return next ? { when: 'next', sessions: [next] } : null;
}
