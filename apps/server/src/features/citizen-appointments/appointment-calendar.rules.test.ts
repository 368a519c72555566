import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, EVENT_TITLE, type CalendarItem } from './appointment-calendar.rules.ts';

const items: CalendarItem[] = [
  { sessionId: '11111111-1111-4111-8111-111111111111', startsAt: new Date('2026-11-24T09:00:00Z'), durationMinutes: 60, cancelled: false, placeName: 'Sundhedscenter Gladsaxe', room: 'Sal 2', address: 'Søborg Hovedgade 1, 2860 Søborg', interventionName: 'Fysisk træning', teamName: 'Træning for mænd' },
  { sessionId: '22222222-2222-4222-8222-222222222222', startsAt: new Date('2026-06-02T08:00:00Z'), durationMinutes: 90, cancelled: true, placeName: 'Sundhedscenter Gladsaxe', room: null, address: null, interventionName: 'Fysisk træning', teamName: 'Træning for mænd' },
];
const now = new Date('2026-11-23T09:00:00Z');

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent') };
}

describe('buildCalendar (iCalendar, RFC 5545)', () => {
  it('publishes one event per session with a stable UID, UTC times and the cancelled ones as cancelled', () => {
    const text = buildCalendar(items, { detail: 'minimal', now });
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const { cal, events } = parse(text);
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(events).toHaveLength(2);
    const [a, b] = events.map((e) => new ICAL.Event(e));
    expect(a!.uid).toBe('11111111-1111-4111-8111-111111111111@samkraft');
    expect(a!.startDate.toJSDate().toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(a!.endDate.toJSDate().toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(a!.startDate.zone.tzid).toBe('UTC');
    expect(events[0]!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(b!.endDate.toJSDate().toISOString()).toBe('2026-06-02T09:30:00.000Z');
    expect(events[1]!.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('the feed says only the title, the time and the address — no intervention, team, place or room', () => {
    const text = buildCalendar(items, { detail: 'minimal', now });
    const [a, b] = parse(text).events.map((e) => new ICAL.Event(e));
    expect(a!.summary).toBe(EVENT_TITLE);
    expect(a!.location).toBe('Søborg Hovedgade 1, 2860 Søborg');
    expect(a!.description).toBeNull();
    expect(b!.location).toBe('Sundhedscenter Gladsaxe');
    for (const secret of ['Fysisk træning', 'Træning for mænd', 'Sal 2']) expect(text).not.toContain(secret);
  });

  it('the download behind the sign-in also names the place, the room, the intervention and the team', () => {
    const [a] = parse(buildCalendar(items, { detail: 'full', now })).events.map((e) => new ICAL.Event(e));
    expect(a!.location).toBe('Sundhedscenter Gladsaxe, Sal 2, Søborg Hovedgade 1, 2860 Søborg');
    expect(a!.description).toBe('Fysisk træning – Træning for mænd');
  });

  it('an empty calendar is still a valid one', () => {
    const { cal, events } = parse(buildCalendar([], { detail: 'minimal', now }));
    expect(cal.name).toBe('vcalendar');
    expect(events).toHaveLength(0);
  });
});
