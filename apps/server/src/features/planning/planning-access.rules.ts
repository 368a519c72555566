import type { Actor } from '../../platform/auth/actor.ts';

/** The placement planner is the steering group's: the coordinator and the municipal leads. Aggregates only. */
export function canPlan(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.roles.some((r) => r === 'coordinator' || r === 'municipal_lead');
}
