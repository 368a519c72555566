import { hasRole, type Actor } from '../../platform/auth/actor.ts';

/** The catalogue is shared by the collaboration: every staff member reads it, only administrators change it. */
export function canEditCatalogue(actor: Actor): boolean {
  return hasRole(actor, 'administrator');
}
