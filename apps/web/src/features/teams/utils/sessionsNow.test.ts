import type { TeamSession } from '@samkraft/contracts/teams';
import { describe, expect, it } from 'vitest';
import { sessionsNow } from './sessionsNow.ts';

const session = (id: string, startsAt: string, date: string, cancelled = false): TeamSession => ({
  id,
  startsAt,
  date,
  durationMinutes: 60,
  room: 'Træningssal 1',
  cancelled,
  cancelReason: cancelled ? 'Syg' : null,
  kind: 'regular',
  recorded: 0,
});

describe('sessionsNow', () => {
  const sessions = [session('b', '2026-12-08T09:00:00Z', '2026-12-08'), session('a', '2026-12-03T09:00:00Z', '2026-12-03'), session('c', '2026-12-10T09:00:00Z', '2026-12-10', true)];

  it("gives today's sessions by the Danish calendar day, even one that started", () => {
    expect(sessionsNow(sessions, new Date('2026-12-03T13:00:00Z'))).toEqual({ when: 'today', sessions: [sessions[1]] });
    // 23:30 UTC on 7 December is 00:30 on 8 December in Copenhagen.
    expect(sessionsNow(sessions, new Date('2026-12-07T23:30:00Z'))?.when).toBe('today');
  });

  it('gives the next session not cancelled when none is today', () => {
    expect(sessionsNow(sessions, new Date('2026-12-05T10:00:00Z'))).toEqual({ when: 'next', sessions: [sessions[0]] });
    expect(sessionsNow(sessions, new Date('2026-12-09T10:00:00Z'))).toBeNull();
  });
});
