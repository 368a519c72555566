import { belowPersonDataLevel, type Actor } from '../../platform/auth/actor.ts';

export type CourseAccessMode = 'read' | 'write';

export type CourseAccessDecision = { allowed: true } | { allowed: false; reason: 'aggregates_only' | 'other_municipality' | 'role' | 'not_staff' | 'assurance_level' };

/**
 * The home municipality's course is its own: its staff read it; contact persons and municipal
 * leads write it. A providing municipality never sees the home course — only the
 * cross-municipal referral sent to it (and what that shares). A signed-in citizen reads their own
 * course when the caller names whose it is (`courseCitizenId`), and nothing else.
 */
export function decideCourseAccess(actor: Actor, homeMunicipalityCode: string, mode: CourseAccessMode, courseCitizenId?: string): CourseAccessDecision {
  // The citizen reads their own course (their door's pages and aktindsigt, GDPR Art. 15), never writes it here.
  if (actor.kind === 'citizen') return mode === 'read' && courseCitizenId !== undefined && courseCitizenId === actor.citizenId ? { allowed: true } : { allowed: false, reason: 'not_staff' };
  if (actor.kind !== 'staff') return { allowed: false, reason: 'not_staff' };
  // Signed in at an NSIS level below the installation's person-data level: no person, whatever the role.
  if (belowPersonDataLevel(actor)) return { allowed: false, reason: 'assurance_level' };
  const readers = ['contact_person', 'therapist', 'municipal_lead'];
  const writers = ['contact_person', 'municipal_lead'];
  if (!actor.roles.some((r) => readers.includes(r))) return { allowed: false, reason: 'aggregates_only' };
  if (actor.municipalityCode !== homeMunicipalityCode) return { allowed: false, reason: 'other_municipality' };
  if (mode === 'write' && !actor.roles.some((r) => writers.includes(r))) return { allowed: false, reason: 'role' };
  return { allowed: true };
}
