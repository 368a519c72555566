import type { ClosingDayBody, ClosingDayItem, ClosingDays } from '@samkraft/contracts/calendar';
import { audit } from '../../platform/audit/audit.ts';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { closingDayExists, deleteClosingDay, findClosingDay, findMunicipality, insertClosingDay, listClosingDayRows, type ClosingDayRow } from './calendar.repository.ts';

/**
 * Who may change a set: an administrator any set, including the collaboration's default
 * (`null`); a municipal lead only their own municipality's, since every deadline that
 * municipality must meet is counted in it.
 */
export function mayEditClosingDays(actor: Actor, municipalityCode: string | null): boolean {
  if (hasRole(actor, 'administrator')) return true;
  return municipalityCode !== null && actor.kind === 'staff' && hasRole(actor, 'municipal_lead') && actor.municipalityCode === municipalityCode;
}

function toDto(actor: Actor, r: ClosingDayRow): ClosingDayItem {
  return { id: r.id, municipalityCode: r.municipalityCode, recurring: r.recurring, month: r.month, day: r.day, date: r.onDate, label: r.label, editable: mayEditClosingDays(actor, r.municipalityCode) };
}

/** The default set and the municipality's own days; the calendar is not personal data, so any staff may read it. */
export async function listClosingDaysFor(ctx: ServiceContext, municipality: string | undefined): Promise<ClosingDays> {
  const code = municipality ?? (ctx.actor.kind === 'staff' ? ctx.actor.municipalityCode : undefined);
  const found = code === undefined ? undefined : await findMunicipality(ctx.db, code);
  if (!found) throw AppError.validation([{ field: 'municipality', code: 'unknown_municipality', message: `is not a known municipality: ${code ?? '(none)'}` }]);
  const rows = await listClosingDayRows(ctx.db, found.code);
  return {
    municipality: found,
    days: rows.map((r) => toDto(ctx.actor, r)),
    permissions: { editMunicipality: mayEditClosingDays(ctx.actor, found.code), editDefault: mayEditClosingDays(ctx.actor, null) },
  };
}

export async function createClosingDay(ctx: ServiceContext, body: ClosingDayBody): Promise<ClosingDayItem> {
  const municipalityCode = body.municipalityCode ?? null;
  const detail = { municipalityCode, date: body.date ?? null, month: body.month ?? null, day: body.day ?? null };
  if (!mayEditClosingDays(ctx.actor, municipalityCode)) {
    await audit(ctx.db, ctx, [{ action: 'closing_day.create', citizenId: null, entityType: 'closing_day', outcome: 'denied', detail: { reason: 'role_or_municipality', ...detail } }]);
    throw AppError.forbidden(municipalityCode === null ? 'Only an administrator may change the default closing days' : "You may change only your own municipality's closing days");
  }
  if (municipalityCode !== null && !(await findMunicipality(ctx.db, municipalityCode))) {
    throw AppError.validation([{ field: 'municipalityCode', code: 'unknown_municipality', message: `is not a known municipality: ${municipalityCode}` }]);
  }
  const day = { municipalityCode, onDate: body.date ?? null, month: body.date ? null : (body.month ?? null), day: body.date ? null : (body.day ?? null), label: body.label };
  return ctx.db.transaction().execute(async (trx) => {
    if (await closingDayExists(trx, day)) throw AppError.conflict('This closing day exists already in this set');
    const row = await insertClosingDay(trx, day);
    await audit(trx, ctx, [{ action: 'closing_day.create', citizenId: null, entityType: 'closing_day', entityId: row.id, outcome: 'allowed', detail: { ...detail, label: body.label } }]);
    return toDto(ctx.actor, row);
  });
}

export async function removeClosingDay(ctx: ServiceContext, id: string): Promise<void> {
  const found = await findClosingDay(ctx.db, id);
  if (!found) {
    await audit(ctx.db, ctx, [{ action: 'closing_day.delete', citizenId: null, entityType: 'closing_day', entityId: id, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Closing day');
  }
  if (!mayEditClosingDays(ctx.actor, found.municipalityCode)) {
    await audit(ctx.db, ctx, [{ action: 'closing_day.delete', citizenId: null, entityType: 'closing_day', entityId: id, outcome: 'denied', detail: { reason: 'role_or_municipality', municipalityCode: found.municipalityCode } }]);
    throw AppError.forbidden("You may change only your own municipality's closing days");
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteClosingDay(trx, id))) throw AppError.notFound('Closing day');
    await audit(trx, ctx, [
      { action: 'closing_day.delete', citizenId: null, entityType: 'closing_day', entityId: id, outcome: 'allowed', detail: { municipalityCode: found.municipalityCode, date: found.onDate, month: found.month, day: found.day, label: found.label } },
    ]);
  });
}
