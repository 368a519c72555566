import type { Actor } from '../../platform/auth/actor.ts';
import type { CitizenAccess } from '../citizens/citizen-access.rules.ts';

/**
 * A citizen's access log (who read or changed the citizen's data) is for the leads of the home
 * municipality: they answer the citizen's request to see it. Nobody else reads it through the API;
 * a provider never sees who at the home municipality looked.
 */
export function mayReadAuditTrail(actor: Actor, access: CitizenAccess): boolean {
  return access.allowed && access.scope === 'home' && actor.kind === 'staff' && actor.roles.includes('municipal_lead');
}
