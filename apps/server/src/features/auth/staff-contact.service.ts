import type { MyContactBody, MyContactDetails } from '@samkraft/contracts/auth';
import type { Actor, StaffActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findStaffContact, updateStaffContact, updateUnitPhone } from './auth.repository.ts';

function staffOrThrow(actor: Actor): StaffActor {
  if (actor.kind !== 'staff') throw AppError.forbidden('Staff only');
  return actor;
}

/** Who keeps the municipality's rehabilitation unit phone: its administrators and leads. */
export function mayEditUnitPhone(actor: StaffActor): boolean {
  return actor.roles.includes('administrator') || actor.roles.includes('municipal_lead');
}

/** The signed-in user's own work contact details (staff data, no citizen's: not a citizen read). */
export async function getMyContactDetails(ctx: ServiceContext): Promise<MyContactDetails> {
  const actor = staffOrThrow(ctx.actor);
  const c = await findStaffContact(ctx.db, actor.userId);
  if (!c) throw AppError.notFound('Staff user');
  return { ...c, mayEditUnitPhone: mayEditUnitPhone(actor) };
}

/** Each user keeps their own work phone and e-mail; the change is audited with old and new values. */
export async function setMyContactDetails(ctx: ServiceContext, body: MyContactBody): Promise<MyContactDetails> {
  const actor = staffOrThrow(ctx.actor);
  const next = { phone: body.phone || null, email: body.email || null };
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findStaffContact(trx, actor.userId);
    if (!before) throw AppError.notFound('Staff user');
    await updateStaffContact(trx, actor.userId, next);
    await audit(trx, ctx, [
      { action: 'staff.contact_update', citizenId: null, entityType: 'staff_user', entityId: actor.userId, outcome: 'allowed', detail: { before: { phone: before.phone, email: before.email }, after: next } },
    ]);
  });
  return getMyContactDetails(ctx);
}

/** The unit phone of the actor's own municipality; administrators and leads only, audited. */
export async function setUnitPhone(ctx: ServiceContext, unitPhone: string | null): Promise<MyContactDetails> {
  const actor = staffOrThrow(ctx.actor);
  if (!mayEditUnitPhone(actor)) {
    await audit(ctx.db, ctx, [{ action: 'municipality.unit_phone', citizenId: null, entityType: 'municipality', entityId: actor.municipalityCode, outcome: 'denied', detail: { reason: 'role' } }]);
    throw AppError.forbidden('Administrators and municipal leads only');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findStaffContact(trx, actor.userId);
    await updateUnitPhone(trx, actor.municipalityCode, unitPhone || null);
    await audit(trx, ctx, [
      { action: 'municipality.unit_phone', citizenId: null, entityType: 'municipality', entityId: actor.municipalityCode, outcome: 'allowed', detail: { before: before?.unitPhone ?? null, after: unitPhone || null } },
    ]);
  });
  return getMyContactDetails(ctx);
}
