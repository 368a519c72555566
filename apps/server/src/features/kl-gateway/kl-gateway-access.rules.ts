import { hasRole, type Actor } from '../../platform/auth/actor.ts';

/*
 * Who may do what with the KL Gateway reports. The mapping is the collaboration's (one catalogue):
 * administrators change it. A report holds the municipality's citizens by CPR number: only that
 * municipality's administrators and leads export it, and see its exports.
 */

export const canEditKlMapping = (actor: Actor): boolean => hasRole(actor, 'administrator');

/** A municipality's SOR codes: administrators, and the municipality's own leads. */
export const canEditKlMunicipality = (actor: Actor, municipality: string): boolean =>
  hasRole(actor, 'administrator') || (hasRole(actor, 'municipal_lead') && actor.kind === 'staff' && actor.municipalityCode === municipality);

export const canExportKl = (actor: Actor, municipality: string): boolean => actor.kind === 'staff' && actor.municipalityCode === municipality && hasRole(actor, 'administrator', 'municipal_lead');
