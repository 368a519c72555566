import type { EndRoutingBody, NewRoutingBody, RoutingEntry } from '@samkraft/contracts/catalogue';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findOffering, findRouting, insertRouting, listRoutingHistory, listRoutingOn, markRoutingReviewed, municipalityExists, samePairPeriods, setRoutingEnd, type RoutingRecord } from './catalogue.repository.ts';
import { requireCatalogueEditor } from './catalogue.service.ts';
import { findIntervention } from './intervention.repository.ts';
import { checkOfferingValidity } from './offering.rules.ts';
import { checkEnd, checkNoOverlap } from './routing.rules.ts';

function toEntry({ hostCode, hostName, ...rest }: RoutingRecord): RoutingEntry {
  return { ...rest, host: { code: hostCode, name: hostName } };
}

export async function getRouting(ctx: ServiceContext, on?: string): Promise<RoutingEntry[]> {
  return (await listRoutingOn(ctx.db, on ?? danishDate(ctx.clock.now()))).map(toEntry);
}

export async function getRoutingHistory(ctx: ServiceContext, interventionCode: string): Promise<RoutingEntry[]> {
  return (await listRoutingHistory(ctx.db, interventionCode)).map(toEntry);
}

/**
 * Routing is effective-dated: a new route is added from a date; an old one is ended by its
 * `validTo`, never rewritten or deleted. The intervention's row is locked first, so two
 * administrators adding routes at once cannot both pass the overlap check.
 */
export async function addRouting(ctx: ServiceContext, body: NewRoutingBody): Promise<void> {
  await requireCatalogueEditor(ctx, 'catalogue.routing.create', 'routing', body.offeringId);
  await ctx.db.transaction().execute(async (trx) => {
    const off = await findOffering(trx, body.offeringId);
    if (!off) throw AppError.validation([{ field: 'offeringId', code: 'unknown_offering', message: 'no such offering' }]);
    if (body.interventionCode !== undefined && body.interventionCode !== off.interventionCode) {
      throw AppError.validation([{ field: 'offeringId', code: 'other_intervention', message: `the offering is one of ${off.interventionCode}, not ${body.interventionCode}` }]);
    }
    if (!(await municipalityExists(trx, body.homeMunicipalityCode))) {
      throw AppError.validation([{ field: 'homeMunicipalityCode', code: 'unknown_municipality', message: 'no such municipality' }]);
    }
    checkOfferingValidity({ validFrom: body.validFrom, validTo: null }, { validTo: body.validTo ?? null });
    await findIntervention(trx, off.interventionCode, true);
    const period = { validFrom: body.validFrom, validTo: body.validTo ?? null };
    const others = await samePairPeriods(trx, { interventionCode: off.interventionCode, homeMunicipalityCode: body.homeMunicipalityCode, offeringId: body.offeringId });
    if (others.some((o) => o.validFrom === body.validFrom)) {
      throw AppError.validation([{ field: 'validFrom', code: 'duplicate', message: 'this route already starts on that date' }]);
    }
    checkNoOverlap(period, others, 'validFrom');
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

/** Ends a route on a date (inclusive). The route stays, so past referrals can still be explained. */
export async function endRouting(ctx: ServiceContext, routingId: string, body: EndRoutingBody): Promise<RoutingEntry> {
  await requireCatalogueEditor(ctx, 'catalogue.routing.end', 'routing', routingId);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findRouting(trx, routingId);
    if (!before) throw AppError.notFound('Route');
    await findIntervention(trx, before.interventionCode, true);
    checkEnd(before, body.validTo);
    await setRoutingEnd(trx, routingId, body.validTo);
    const after = await findRouting(trx, routingId);
    if (!after) throw AppError.notFound('Route');
    await audit(trx, ctx, [{ action: 'catalogue.routing.end', citizenId: null, entityType: 'routing', entityId: routingId, outcome: 'allowed', detail: { validTo: { from: before.validTo, to: after.validTo } } }]);
    return toEntry(after);
  });
}

/** An administrator checked an inferred route against the agreements: it is no longer "udledt". */
export async function confirmRouting(ctx: ServiceContext, routingId: string): Promise<RoutingEntry> {
  await requireCatalogueEditor(ctx, 'catalogue.routing.confirm', 'routing', routingId);
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden('Only a named administrator confirms a route');
  const { userId } = ctx.actor;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findRouting(trx, routingId);
    if (!before) throw AppError.notFound('Route');
    if (!before.inferred) throw AppError.conflict('The route is not inferred');
    await markRoutingReviewed(trx, routingId, userId, ctx.clock.now());
    const after = await findRouting(trx, routingId);
    if (!after) throw AppError.notFound('Route');
    await audit(trx, ctx, [{ action: 'catalogue.routing.confirm', citizenId: null, entityType: 'routing', entityId: routingId, outcome: 'allowed', detail: { inferred: { from: true, to: false } } }]);
    return toEntry(after);
  });
}
