import { hasRole, type Actor } from '../../platform/auth/actor.ts';

/*
 * Who sees and does what with the settlement: the steering group's coordinator sees every
 * municipality, settles periods and keeps the tariffs; a municipal lead sees their own
 * municipality's figures and the tariffs. Nobody else (the statements hold no person, but they
 * are the municipalities' accounts).
 */

export type SettlementScope = { kind: 'all' } | { kind: 'own'; municipality: string };

export function settlementScope(actor: Actor): SettlementScope | null {
  if (actor.kind === 'system') return { kind: 'all' };
  if (actor.kind !== 'staff') return null;
  if (hasRole(actor, 'coordinator')) return { kind: 'all' };
  if (hasRole(actor, 'municipal_lead')) return { kind: 'own', municipality: actor.municipalityCode };
  return null;
}

/** Settling a period and changing a tariff: the coordinator (the steering group's). */
export const canSettle = (actor: Actor): boolean => hasRole(actor, 'coordinator');
