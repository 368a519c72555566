import type { DeadlinePolicies, DeadlinePolicy, DeadlinePolicyBody } from '@samkraft/contracts/deadlines';
import { audit } from '../../platform/audit/audit.ts';
import { hasRole } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { insertPolicy, listPolicies, policyExists } from './deadline.repository.ts';

/** Every policy row, old ones too: a deadline uses the one in force when its clock started. */
export async function listDeadlinePolicies(ctx: ServiceContext): Promise<DeadlinePolicies> {
  return { policies: await listPolicies(ctx.db) };
}

/**
 * A policy change is a new effective-dated row, never an update: clocks started before
 * `effectiveFrom` keep the policy they started under. Administrators only.
 */
export async function createDeadlinePolicy(ctx: ServiceContext, body: DeadlinePolicyBody): Promise<DeadlinePolicy> {
  if (!hasRole(ctx.actor, 'administrator')) {
    await audit(ctx.db, ctx, [{ action: 'deadline_policy.create', citizenId: null, entityType: 'deadline_policy', outcome: 'denied', detail: { reason: 'role', kind: body.kind } }]);
    throw AppError.forbidden('Only an administrator may change deadline policies');
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (await policyExists(trx, body.kind, body.effectiveFrom)) {
      throw AppError.conflict(`A ${body.kind} policy effective from ${body.effectiveFrom} exists already; add one with another date`);
    }
    const policy = await insertPolicy(trx, body);
    await audit(trx, ctx, [{ action: 'deadline_policy.create', citizenId: null, entityType: 'deadline_policy', entityId: policy.id, outcome: 'allowed', detail: { ...body } }]);
    return policy;
  });
}
