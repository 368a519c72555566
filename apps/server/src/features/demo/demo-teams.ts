import { randomUUID } from 'node:crypto';
import { MEMBER_CODE as M } from '../reference-data/members.data.ts';
import { addDays, copenhagenInstant, isWeekend, isoWeekday, nextOnWeekdays } from './demo-dates.ts';
import type { DemoRows } from './demo-rows.ts';

/** Teams of the demo, at the offerings the scenarios use. */
export type DemoTeam = {
  interventionCode: string;
  host: string;
  name: string;
  mode: 'rolling' | 'cohort';
  capacity: number;
  sessionQuota: number;
  weekdays: number[];
  time: string;
  durationMinutes: number;
  room: string;
  /** Rolling teams run all through the demo period; cohorts start shortly before the seed day. */
  startsDaysAgo: number;
};

export const DEMO_TEAMS: readonly DemoTeam[] = [
  { interventionCode: 'men_training', host: M.gladsaxe, name: 'Træning for mænd, tirsdag og torsdag', mode: 'rolling', capacity: 12, sessionQuota: 29, weekdays: [2, 4], time: '10:00', durationMinutes: 60, room: 'Træningssal 1', startsDaysAgo: 220 },
  { interventionCode: 'mixed_training', host: M.gladsaxe, name: 'Blandede diagnoser, mandag og onsdag', mode: 'rolling', capacity: 15, sessionQuota: 29, weekdays: [1, 3], time: '13:00', durationMinutes: 60, room: 'Træningssal 2', startsDaysAgo: 220 },
  { interventionCode: 'prostate_pelvic_floor', host: M.egedal, name: 'Bækkenbundstræning, onsdag', mode: 'rolling', capacity: 10, sessionQuota: 29, weekdays: [3], time: '09:00', durationMinutes: 60, room: 'Sal A', startsDaysAgo: 220 },
  { interventionCode: 'breast_training', host: M.gentofte, name: 'Brystopererede, mandag og torsdag', mode: 'rolling', capacity: 12, sessionQuota: 29, weekdays: [1, 4], time: '14:00', durationMinutes: 60, room: 'Gymnastiksalen', startsDaysAgo: 220 },
  { interventionCode: 'breast_training', host: M.rudersdal, name: 'Brystopererede, tirsdag og fredag', mode: 'rolling', capacity: 12, sessionQuota: 29, weekdays: [2, 5], time: '10:30', durationMinutes: 60, room: 'Sal 2', startsDaysAgo: 220 },
  { interventionCode: 'puls_styrke', host: M.lyngbyTaarbaek, name: 'Puls og Styrke, mandag og onsdag', mode: 'rolling', capacity: 14, sessionQuota: 29, weekdays: [1, 3], time: '15:00', durationMinutes: 60, room: 'Salen', startsDaysAgo: 220 },
  { interventionCode: 'livskraft', host: M.ballerup, name: 'Livskraft, torsdagshold', mode: 'cohort', capacity: 16, sessionQuota: 7, weekdays: [4], time: '09:30', durationMinutes: 150, room: 'Mødelokale Livskraft', startsDaysAgo: 14 },
];

export const teamKey = (interventionCode: string, host: string): string => `${interventionCode}@${host}`;

/**
 * Session dates: a rolling team meets on its weekdays from its start until two weeks after the
 * seed day; a cohort meets weekly for six weeks and once more `followUpWeeks` later (Livskraft).
 * Weekends are skipped even if a schedule would put a session there.
 */
export function sessionDates(team: DemoTeam, today: string, followUpWeeks = 8): { startsOn: string; endsOn: string | null; dates: string[] } {
  const startsOn = nextOnWeekdays(addDays(today, -team.startsDaysAgo), team.weekdays);
  if (team.mode === 'cohort') {
    const weekly = Array.from({ length: team.sessionQuota - 1 }, (_, i) => addDays(startsOn, 7 * i));
    const last = weekly.at(-1) ?? startsOn;
    const followUp = addDays(last, 7 * followUpWeeks);
    return { startsOn, endsOn: followUp, dates: [...weekly, followUp] };
  }
  const dates: string[] = [];
  for (let d = startsOn; d <= addDays(today, 14); d = addDays(d, 1)) {
    if (!isWeekend(d) && team.weekdays.includes(isoWeekday(d))) dates.push(d);
  }
  return { startsOn, endsOn: null, dates };
}

export type SeededTeam = { id: string; team: DemoTeam; sessions: { id: string; date: string }[] };

/** The demo's teams at their offerings (`code@host` → offering id), with their schedules and sessions, added to `rows`. */
export function addTeams(rows: DemoRows, today: string, offeringIds: Map<string, string>): Map<string, SeededTeam> {
  const seeded = new Map<string, SeededTeam>();
  for (const team of DEMO_TEAMS) {
    const key = teamKey(team.interventionCode, team.host);
    const offeringId = offeringIds.get(key);
    if (!offeringId) throw new Error(`demo team ${team.name} has no offering ${key}`);
    const { startsOn, endsOn, dates } = sessionDates(team, today);
    const id = randomUUID();
    rows.teams.push({ id, offering_id: offeringId, name: team.name, mode: team.mode, capacity: team.capacity, session_quota: team.sessionQuota, starts_on: startsOn, ends_on: endsOn, room: team.room });
    rows.teamSchedules.push(...team.weekdays.map((weekday) => ({ team_id: id, weekday, start_time: team.time, duration_minutes: team.durationMinutes, room: team.room })));
    const sessions = dates.map((date) => ({ id: randomUUID(), date }));
    rows.teamSessions.push(...sessions.map((s) => ({ id: s.id, team_id: id, starts_at: copenhagenInstant(s.date, team.time), duration_minutes: team.durationMinutes, room: team.room })));
    seeded.set(key, { id, team, sessions: sessions.sort((a, b) => a.date.localeCompare(b.date)) });
  }
  return seeded;
}

/** A believable attendance pattern: mostly present, now and then a cancellation or a no-show. */
export function attendanceStatus(index: number, seed: number): { status: 'attended' | 'cancelled' | 'no_show'; cancelReason: string | null } {
  const n = (index * 7 + seed * 3) % 13;
  if (n === 4) return { status: 'cancelled', cancelReason: 'Træt efter behandling' };
  if (n === 9 && index > 2) return { status: 'no_show', cancelReason: null };
  return { status: 'attended', cancelReason: null };
}
