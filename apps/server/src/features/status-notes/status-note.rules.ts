import { isOneOf } from '@samkraft/contracts/common';
import { statusNoteEndReasons, type StatusNoteCreate, type StatusNoteEndReason, type StatusNoteKind } from '@samkraft/contracts/status-notes';
import type { Actor, StaffActor } from '../../platform/auth/actor.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';

/** Kinds written once per cross-referral; the others as often as something happens. */
export const ONCE_PER_REFERRAL: ReadonlySet<StatusNoteKind> = new Set(['start', 'end']);

/**
 * The end note's reason from the team's: the same list, except that a used-up quota is a
 * completed intervention. Anything else unknown is left for the therapist to choose.
 */
export function endReasonFromEnrolment(reason: string | null): StatusNoteEndReason | null {
  if (reason === null) return null;
  if (reason === 'quota_reached') return 'completed';
  return isOneOf(statusNoteEndReasons, reason) ? reason : null;
}

const END_FIELDS = ['courseEndOn', 'attendanceCount', 'goalsReached', 'endReason'] as const;

export type NewNoteFacts = {
  receivedOn: string;
  startedOn: string | null;
  today: string;
};

/**
 * Checks a new note against the referral. The end note carries the course-end date that starts
 * the closing-conversation clock, so it must be a real, past date within the referral; the end
 * fields mean nothing on the other kinds and are refused there rather than silently dropped.
 */
export function checkNewNote(input: StatusNoteCreate, facts: NewNoteFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.kind !== 'end') {
    for (const field of END_FIELDS) {
      if (input[field] !== undefined) issues.push({ field, code: 'end_note_only', message: 'only on the end note' });
    }
    return issues;
  }
  if (input.courseEndOn === undefined) {
    issues.push({ field: 'courseEndOn', code: 'required', message: 'is required on the end note' });
  } else if (input.courseEndOn > facts.today) {
    issues.push({ field: 'courseEndOn', code: 'future_date', message: 'cannot be in the future' });
  } else if (input.courseEndOn < facts.receivedOn) {
    issues.push({ field: 'courseEndOn', code: 'before_received', message: 'before the referral was received', params: { date: facts.receivedOn } });
  } else if (facts.startedOn !== null && input.courseEndOn < facts.startedOn) {
    issues.push({ field: 'courseEndOn', code: 'before_start', message: 'before the intervention started', params: { date: facts.startedOn } });
  }
  if (input.attendanceCount === undefined) issues.push({ field: 'attendanceCount', code: 'required', message: 'is required on the end note' });
  if (input.endReason === undefined) issues.push({ field: 'endReason', code: 'required', message: 'is required on the end note' });
  return issues;
}

/** A second start or end note is a conflict that names the field. */
export function requireNotYetWritten(kind: StatusNoteKind, writtenKinds: readonly StatusNoteKind[]): void {
  if (ONCE_PER_REFERRAL.has(kind) && writtenKinds.includes(kind)) {
    throw new AppError('conflict', `The ${kind} note has already been written for this referral`, [
      { field: 'kind', code: 'already_written', message: `the ${kind} note has already been written for this referral` },
    ]);
  }
}

/** The home municipality's readers of status notes: its contact persons and leads. */
export function mayReadAsHome(actor: Actor, homeMunicipalityCode: string): boolean {
  return actor.kind === 'staff' && actor.municipalityCode === homeMunicipalityCode && actor.roles.some((r) => r === 'contact_person' || r === 'municipal_lead');
}

/** Who may open the home-side inbox at all (any municipality's contact persons and leads). */
export function mayUseHomeInbox(actor: Actor): actor is StaffActor {
  return actor.kind === 'staff' && actor.roles.some((r) => r === 'contact_person' || r === 'municipal_lead');
}

