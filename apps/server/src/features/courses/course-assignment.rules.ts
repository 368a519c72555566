import type { Actor } from '../../platform/auth/actor.ts';
import type { FieldIssue } from '../../platform/errors.ts';

export type AssigneeFacts = { id: string; municipalityCode: string; isContactPerson: boolean; active: boolean };

export type AssignmentDecision =
  | { kind: 'assign' | 'reassign' }
  | { kind: 'unchanged' }
  | { kind: 'refused'; reason: 'closed' | 'not_lead' | 'only_self'; message: string }
  | { kind: 'invalid'; issues: FieldIssue[] };

/**
 * The contact person is fixed through the course (note §8.9): a contact person may take an
 * unassigned course themself; only a municipal lead assigns someone else or reassigns.
 */
export function decideAssignment(
  actor: Actor,
  course: { homeMunicipalityCode: string; closedOn: string | null; currentStaffUserId: string | null },
  assignee: AssigneeFacts | null,
): AssignmentDecision {
  if (course.closedOn) return { kind: 'refused', reason: 'closed', message: 'The course is closed' };
  if (!assignee || !assignee.active || !assignee.isContactPerson || assignee.municipalityCode !== course.homeMunicipalityCode) {
    return { kind: 'invalid', issues: [{ field: 'staffUserId', code: 'not_contact_person', message: "must be an active contact person of the course's home municipality" }] };
  }
  if (course.currentStaffUserId === assignee.id) return { kind: 'unchanged' };
  const isLead = actor.kind === 'staff' && actor.roles.includes('municipal_lead');
  if (!isLead) {
    if (actor.kind !== 'staff' || assignee.id !== actor.userId) return { kind: 'refused', reason: 'only_self', message: 'A contact person can only take a course themself' };
    if (course.currentStaffUserId) return { kind: 'refused', reason: 'not_lead', message: 'The course has a contact person; only a municipal lead can reassign it' };
  }
  return { kind: course.currentStaffUserId ? 'reassign' : 'assign' };
}
