import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { checkNewNote, endReasonFromEnrolment, mayReadAsHome, requireNotYetWritten } from './status-note.rules.ts';

const facts = { receivedOn: '2026-09-01', startedOn: '2026-09-15', today: '2026-11-22' };
const end = { kind: 'end' as const, body: 'Forløbet er afsluttet.', courseEndOn: '2026-11-20', attendanceCount: 14, endReason: 'completed' as const };
const codes = (issues: { field: string; code: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

describe('checkNewNote', () => {
  it('accepts a complete end note, including one ending today', () => {
    expect(checkNewNote(end, facts)).toEqual([]);
    expect(checkNewNote({ ...end, courseEndOn: '2026-11-22' }, facts)).toEqual([]);
  });

  it('requires the course-end date, the attendance count and the end reason on the end note', () => {
    expect(codes(checkNewNote({ kind: 'end', body: 'x' }, facts))).toEqual(['courseEndOn:required', 'attendanceCount:required', 'endReason:required']);
  });

  it('refuses a course-end date in the future, before receipt or before the start', () => {
    expect(codes(checkNewNote({ ...end, courseEndOn: '2026-11-23' }, facts))).toEqual(['courseEndOn:future_date']);
    expect(codes(checkNewNote({ ...end, courseEndOn: '2026-08-31' }, facts))).toEqual(['courseEndOn:before_received']);
    expect(codes(checkNewNote({ ...end, courseEndOn: '2026-09-14' }, facts))).toEqual(['courseEndOn:before_start']);
    expect(codes(checkNewNote({ ...end, courseEndOn: '2026-09-14' }, { ...facts, startedOn: null }))).toEqual([]);
  });

  it('refuses the end fields on the other kinds', () => {
    expect(codes(checkNewNote({ kind: 'start', body: 'x', attendanceCount: 2, goalsReached: 'y' }, facts))).toEqual(['attendanceCount:end_note_only', 'goalsReached:end_note_only']);
    expect(checkNewNote({ kind: 'extra_support_needed', body: 'x' }, facts)).toEqual([]);
  });
});

describe('requireNotYetWritten', () => {
  it('allows one start and one end note, and any number of the other kinds', () => {
    expect(() => requireNotYetWritten('start', ['end'])).not.toThrow();
    expect(() => requireNotYetWritten('significant_change', ['significant_change', 'start', 'end'])).not.toThrow();
    try {
      requireNotYetWritten('end', ['start', 'end']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('conflict');
      expect((e as AppError).fields).toEqual([{ field: 'kind', code: 'already_written', message: 'the end note has already been written for this referral' }]);
    }
  });
});

describe('mayReadAsHome', () => {
  const staff = (roles: ('contact_person' | 'therapist' | 'municipal_lead')[], municipalityCode = '0159'): Actor => ({
    kind: 'staff',
    userId: 'u',
    username: 'u',
    displayName: 'U',
    municipalityCode,
    roles,
    profession: 'nurse',
  });
  it("lets the home municipality's contact persons and leads read, not its therapists nor other municipalities", () => {
    expect(mayReadAsHome(staff(['contact_person']), '0159')).toBe(true);
    expect(mayReadAsHome(staff(['municipal_lead']), '0159')).toBe(true);
    expect(mayReadAsHome(staff(['therapist']), '0159')).toBe(false);
    expect(mayReadAsHome(staff(['contact_person'], '0157'), '0159')).toBe(false);
    expect(mayReadAsHome({ kind: 'system', name: 'cli' }, '0159')).toBe(false);
  });
});

describe('endReasonFromEnrolment', () => {
  it("takes the team's reason, a used-up quota being a completed intervention", () => {
    expect(endReasonFromEnrolment('health_worsened')).toBe('health_worsened');
    expect(endReasonFromEnrolment('quota_reached')).toBe('completed');
    expect(endReasonFromEnrolment(null)).toBeNull();
    expect(endReasonFromEnrolment('something_new')).toBeNull();
  });
});
