import type { Actor } from '../../platform/auth/actor.ts';

/** A municipality's transport settings: its own lead, or an administrator for any municipality. */
export function canManageMunicipalityTransport(actor: Actor, municipalityCode: string): boolean {
  if (actor.kind !== 'staff') return false;
  if (actor.roles.includes('administrator')) return true;
  return actor.roles.includes('municipal_lead') && actor.municipalityCode === municipalityCode;
}

/** Thresholds follow the executive order and are the same for everyone: only administrators add them. */
export function canManageTransportRules(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.roles.includes('administrator');
}
