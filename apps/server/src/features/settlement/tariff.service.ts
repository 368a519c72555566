import type { Tariff, TariffBody, TariffList } from '@samkraft/contracts/settlement';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { canSettle } from './settlement-access.rules.ts';
import { requireSettlementScope } from './settlement.service.ts';
import { endTariff, findTariff, insertTariff, interventionExists, listSettlements, listTariffs, municipalityExists, namesFor, tariffsOfKey, type TariffRecord } from './settlement.repository.ts';
import { checkTariffSpan } from './settlement.rules.ts';

/*
 * The tariffs: effective-dated, per providing municipality (or all) × intervention × unit, in
 * kroner, with their source. Read by the coordinator and the leads; added and ended by the
 * coordinator; every change audited with its values. A tariff never changes on a settled day.
 */

async function toDtos(db: Db, records: TariffRecord[]): Promise<Tariff[]> {
  const names = await namesFor(db);
  return records.map((t) => ({
    ...t,
    providerName: t.providerMunicipalityCode === null ? null : (names.municipalities.find((m) => m.code === t.providerMunicipalityCode)?.name ?? t.providerMunicipalityCode),
    interventionName: names.interventions.get(t.interventionCode) ?? t.interventionCode,
  }));
}

export async function getTariffs(ctx: ServiceContext): Promise<TariffList> {
  await requireSettlementScope(ctx, 'settlement.tariff.list');
  return ctx.db.transaction().execute(async (trx) => {
    const tariffs = await toDtos(trx, await listTariffs(trx));
    await audit(trx, ctx, [{ action: 'settlement.tariff.list', citizenId: null, entityType: 'settlement_tariff', outcome: 'allowed' }]);
    return { tariffs };
  });
}

async function refuseChange(ctx: ServiceContext, action: string): Promise<never> {
  await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'settlement_tariff', outcome: 'denied', detail: { reason: 'role' } }]);
  throw AppError.forbidden('Only the coordinator changes the tariffs');
}

const lastSettledTo = async (db: Db): Promise<string | null> => (await listSettlements(db)).at(-1)?.to ?? null;

export async function addTariff(ctx: ServiceContext, body: TariffBody): Promise<Tariff> {
  if (!canSettle(ctx.actor)) return refuseChange(ctx, 'settlement.tariff.create');
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await interventionExists(trx, body.interventionCode))) throw AppError.validation([{ field: 'interventionCode', code: 'invalid_value', message: `unknown intervention ${body.interventionCode}` }]);
    if (body.providerMunicipalityCode !== null && !(await municipalityExists(trx, body.providerMunicipalityCode))) {
      throw AppError.validation([{ field: 'providerMunicipalityCode', code: 'unknown_municipality', message: `unknown municipality ${body.providerMunicipalityCode}`, params: { codes: body.providerMunicipalityCode } }]);
    }
    const others = await tariffsOfKey(trx, body, null);
    const issues = checkTariffSpan(body, others, await lastSettledTo(trx), 'validFrom');
    if (issues.length > 0) throw AppError.validation(issues);
    const id = await insertTariff(trx, body, ctx.actor.kind === 'staff' ? ctx.actor.userId : null);
    await audit(trx, ctx, [{ action: 'settlement.tariff.create', citizenId: null, entityType: 'settlement_tariff', entityId: id, outcome: 'allowed', detail: { ...body } }]);
    const [dto] = await toDtos(trx, [{ id, ...body }]);
    if (!dto) throw new Error('tariff not read back');
    return dto;
  });
}

export async function endTariffOn(ctx: ServiceContext, id: string, validTo: string): Promise<Tariff> {
  if (!canSettle(ctx.actor)) return refuseChange(ctx, 'settlement.tariff.end');
  return ctx.db.transaction().execute(async (trx) => {
    const t = await findTariff(trx, id);
    if (!t) throw AppError.notFound('Tariff');
    const others = await tariffsOfKey(trx, t, id);
    const issues = checkTariffSpan({ validFrom: t.validFrom, validTo }, others, await lastSettledTo(trx), 'validTo');
    if (issues.length > 0) throw AppError.validation(issues);
    await endTariff(trx, id, validTo, ctx.actor.kind === 'staff' ? ctx.actor.userId : null);
    await audit(trx, ctx, [{ action: 'settlement.tariff.end', citizenId: null, entityType: 'settlement_tariff', entityId: id, outcome: 'allowed', detail: { before: t.validTo, after: validTo } }]);
    const [dto] = await toDtos(trx, [{ ...t, validTo }]);
    if (!dto) throw new Error('tariff not read back');
    return dto;
  });
}
