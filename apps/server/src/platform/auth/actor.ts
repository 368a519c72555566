import { assuranceLevels, type AssuranceLevel } from '@samkraft/contracts/auth';
import type { Role } from '@samkraft/contracts/common';

/** Who a request runs as. Passed explicitly to every service; never read from ambient context. */
export type StaffActor = {
  kind: 'staff';
  userId: string;
  username: string;
  displayName: string;
  municipalityCode: string;
  roles: Role[];
  profession: string;
  /**
   * Signed in through an identity provider: the NSIS level it vouched for, and the level the
   * installation asks before a citizen's data is shown (features/auth, sign-in configuration).
   * Absent for password and demo sign-ins, which the configuration allows or not as a whole.
   */
  assurance?: { level: AssuranceLevel; required: AssuranceLevel };
};

/** The CLI and jobs run as a named system actor, and are audited like anyone else. */
export type SystemActor = { kind: 'system'; name: string };

/**
 * A citizen signed in through the identity provider (MitID in production), acting on their own
 * data only. Never carries the CPR: the session was matched to the citizen record at sign-in.
 */
export type CitizenActor = { kind: 'citizen'; citizenId: string };

export type Actor = StaffActor | SystemActor | CitizenActor;

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'staff' && actor.roles.some((r) => roles.includes(r));
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'staff':
      return actor.username;
    case 'system':
      return `system:${actor.name}`;
    case 'citizen':
      return 'citizen';
  }
}

/** A staff actor signed in at an NSIS level below what person data asks (sees aggregates only). */
export function belowPersonDataLevel(actor: Actor): boolean {
  if (actor.kind !== 'staff' || !actor.assurance) return false;
  return assuranceLevels.indexOf(actor.assurance.level) < assuranceLevels.indexOf(actor.assurance.required);
}
