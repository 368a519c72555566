import type { NewRoutingBody, Offering, OfferingPatch, RoutingEntry } from '@samkraft/contracts/catalogue';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { canEditCatalogue } from './catalogue-access.rules.ts';
import { findOffering, insertRouting, listOfferings, listRoutingOn, municipalityExists, updateOffering, type OfferingRecord } from './catalogue.repository.ts';
import { checkOfferingValidity } from './offering.rules.ts';

function toOffering(r: OfferingRecord): Offering {
  const { hostCode, hostName, ...rest } = r;
  return { ...rest, host: { code: hostCode, name: hostName } };
}

export async function getOfferings(ctx: ServiceContext, interventionCode?: string): Promise<Offering[]> {
  return (await listOfferings(ctx.db, interventionCode)).map(toOffering);
}

export async function getRouting(ctx: ServiceContext, on?: string): Promise<RoutingEntry[]> {
  const rows = await listRoutingOn(ctx.db, on ?? danishDate(ctx.clock.now()));
  return rows.map(({ hostCode, hostName, ...rest }) => ({ ...rest, host: { code: hostCode, name: hostName } }));
}

/** A refusal is audited on its own (no citizen involved), so who tried to change the catalogue is known. */
async function requireCatalogueEditor(ctx: ServiceContext, action: string, entityType: string, entityId: string): Promise<void> {
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
    const changed = Object.fromEntries(Object.keys(patch).map((k) => [k, { from: before[k as keyof OfferingRecord], to: after[k as keyof OfferingRecord] }]));
    await audit(trx, ctx, [{ action: 'catalogue.offering.update', citizenId: null, entityType: 'offering', entityId: offeringId, outcome: 'allowed', detail: changed }]);
    return toOffering(after);
  });
}

/** Routing is effective-dated: a new route is added from a date; an old one is ended by its `validTo`, never rewritten. */
export async function addRouting(ctx: ServiceContext, body: NewRoutingBody): Promise<void> {
  await requireCatalogueEditor(ctx, 'catalogue.routing.create', 'routing', body.offeringId);
  await ctx.db.transaction().execute(async (trx) => {
    const off = await findOffering(trx, body.offeringId);
    if (!off) throw AppError.validation([{ field: 'offeringId', code: 'invalid_value', message: 'no such offering' }]);
    if (!(await municipalityExists(trx, body.homeMunicipalityCode))) {
      throw AppError.validation([{ field: 'homeMunicipalityCode', code: 'unknown_municipality', message: 'no such municipality' }]);
    }
    checkOfferingValidity({ validFrom: body.validFrom, validTo: null }, { validTo: body.validTo ?? null });
    const added = await insertRouting(trx, {
      interventionCode: off.interventionCode,
      homeMunicipalityCode: body.homeMunicipalityCode,
      offeringId: body.offeringId,
      validFrom: body.validFrom,
      validTo: body.validTo ?? null,
      inferred: body.inferred,
      note: body.note ?? null,
    });
    if (!added) throw AppError.validation([{ field: 'validFrom', code: 'duplicate', message: 'this route already starts on that date' }]);
    await audit(trx, ctx, [{ action: 'catalogue.routing.create', citizenId: null, entityType: 'offering', entityId: body.offeringId, outcome: 'allowed', detail: { ...body, interventionCode: off.interventionCode } }]);
  });
}
