import type { Offering, OfferingPatch } from '@samkraft/contracts/catalogue';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { canEditCatalogue } from './catalogue-access.rules.ts';
import { findOffering, listOfferings, updateOffering, type OfferingRecord } from './catalogue.repository.ts';
import { checkOfferingValidity } from './offering.rules.ts';
import { typedKeys } from '@samkraft/contracts/typed';

function toOffering(r: OfferingRecord): Offering {
  const { hostCode, hostName, ...rest } = r;
  return { ...rest, host: { code: hostCode, name: hostName } };
}

export async function getOfferings(ctx: ServiceContext, interventionCode?: string): Promise<Offering[]> {
  return (await listOfferings(ctx.db, interventionCode)).map(toOffering);
}

/** A refusal is audited on its own (no citizen involved), so who tried to change the catalogue is known. */
export async function requireCatalogueEditor(ctx: ServiceContext, action: string, entityType: string, entityId: string): Promise<void> {
  if (canEditCatalogue(ctx.actor)) return;
  await audit(ctx.db, ctx, [{ action, citizenId: null, entityType, entityId, outcome: 'denied', detail: { reason: 'not_administrator' } }]);
  throw AppError.forbidden('Only administrators change the catalogue');
}

export async function patchOffering(ctx: ServiceContext, offeringId: string, patch: OfferingPatch): Promise<Offering> {
  await requireCatalogueEditor(ctx, 'catalogue.offering.update', 'offering', offeringId);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findOffering(trx, offeringId);
    if (!before) throw AppError.notFound('Offering');
    checkOfferingValidity(before, patch);
    await updateOffering(trx, offeringId, {
      ...(patch.placeName !== undefined && { place_name: patch.placeName }),
      ...(patch.address !== undefined && { address: patch.address }),
      ...(patch.contactName !== undefined && { contact_name: patch.contactName }),
      ...(patch.contactPhone !== undefined && { contact_phone: patch.contactPhone }),
      ...(patch.contactEmail !== undefined && { contact_email: patch.contactEmail }),
      ...(patch.capacity !== undefined && { capacity: patch.capacity }),
      ...(patch.validFrom !== undefined && { valid_from: patch.validFrom }),
      ...(patch.validTo !== undefined && { valid_to: patch.validTo }),
      ...(patch.note !== undefined && { note: patch.note }),
    });
    const after = await findOffering(trx, offeringId);
    if (!after) throw AppError.notFound('Offering');
    // The changed fields with their old values, so the audit log can answer "who changed the capacity, and from what".
    const changed = Object.fromEntries(typedKeys(patch).map((k) => [k, { from: before[k], to: after[k] }]));
    await audit(trx, ctx, [{ action: 'catalogue.offering.update', citizenId: null, entityType: 'offering', entityId: offeringId, outcome: 'allowed', detail: changed }]);
    return toOffering(after);
  });
}
