import type { MunicipalityTransport, MunicipalityTransportBody, TransportQuery, TransportResultDto, TransportRuleBody, TransportRules } from '@samkraft/contracts/transport';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { townHallDistanceKm } from '../reference-data/distances.data.ts';
import { canManageMunicipalityTransport, canManageTransportRules } from './transport-access.rules.ts';
import {
  findCrossReferralTransportFacts,
  findMunicipalityName,
  insertTransportRule,
  listMunicipalityTransport,
  listTransportRules,
  upsertMunicipalityTransport,
} from './transport.repository.ts';
import { decideTransport, thresholdOn, type MunicipalityTransportSetting, type TransportThreshold } from './transport.rules.ts';

/** The matrix covers the nine collaboration municipalities; any other pair is unknown, not zero. */
function distanceBetween(a: string, b: string): number | null {
  try {
    return townHallDistanceKm(a, b);
  } catch {
    return null;
  }
}

/** Rows are newest first: the first that started on or before the day. */
const settingOn = (rows: MunicipalityTransportSetting[], onDate: string): MunicipalityTransportSetting | null => rows.find((r) => r.effectiveFrom <= onDate) ?? null;

/** The citizen's transport right for a cross-municipal referral: home course read access, audited. */
export async function getCrossReferralTransport(ctx: ServiceContext, crossReferralId: string, query: TransportQuery): Promise<TransportResultDto> {
  const facts = await findCrossReferralTransportFacts(ctx.db, crossReferralId);
  if (!facts) {
    await audit(ctx.db, ctx, [{ action: 'transport.read', citizenId: null, entityType: 'cross_referral', entityId: crossReferralId, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Cross-municipal referral');
  }
  await requireCourseAccess(ctx, facts.courseId, 'read', 'transport.read');
  return ctx.db.transaction().execute(async (trx) => {
    const [thresholds, home, provider] = await Promise.all([
      listTransportRules(trx),
      listMunicipalityTransport(trx, facts.homeMunicipalityCode),
      listMunicipalityTransport(trx, facts.providerMunicipalityCode),
    ]);
    const result = decideTransport({
      legalBasis: facts.legalBasis,
      pensioner: facts.pensioner,
      conditionExcludesPublicTransport: query.conditionExcludesPublicTransport === 'true',
      distanceKm: distanceBetween(facts.homeMunicipalityCode, facts.providerMunicipalityCode),
      onDate: facts.receivedOn,
      cheapestCostDkk: query.cheapestCostDkk ?? null,
      thresholds,
      home: settingOn(home, facts.receivedOn),
      provider: settingOn(provider, facts.receivedOn),
    });
    await audit(trx, ctx, [{ action: 'transport.read', citizenId: facts.citizenId, entityType: 'cross_referral', entityId: crossReferralId, outcome: 'allowed', detail: { rule: result.rule } }]);
    return {
      crossReferralId,
      legalBasis: facts.legalBasis,
      pensioner: facts.pensioner,
      homeMunicipalityCode: facts.homeMunicipalityCode,
      providerMunicipalityCode: facts.providerMunicipalityCode,
      onDate: facts.receivedOn,
      ...result,
    };
  });
}

async function requireMunicipalityTransportAccess(ctx: ServiceContext, code: string, action: string): Promise<string> {
  if (!canManageMunicipalityTransport(ctx.actor, code)) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'municipality', entityId: code, outcome: 'denied', detail: { reason: 'role_or_municipality' } }]);
    throw AppError.forbidden("Only the municipality's lead or an administrator manages its transport settings");
  }
  const name = await findMunicipalityName(ctx.db, code);
  if (name === undefined) throw AppError.notFound('Municipality');
  return name;
}

export async function getMunicipalityTransport(ctx: ServiceContext, code: string): Promise<MunicipalityTransport> {
  const name = await requireMunicipalityTransportAccess(ctx, code, 'municipality_transport.read');
  const history = await listMunicipalityTransport(ctx.db, code);
  const today = danishDate(ctx.clock.now());
  const current = settingOn(history, today);
  return {
    municipalityCode: code,
    municipalityName: name,
    effectiveFrom: current?.effectiveFrom ?? null,
    flexturMember: current?.flexturMember ?? false,
    serviceLevelDa: current?.serviceLevelDa ?? null,
    coPaymentDkk: current?.coPaymentDkk ?? null,
    history,
  };
}

/** A change is a new effective-dated row; the old ones stay, so past referrals read past rules. */
export async function setMunicipalityTransport(ctx: ServiceContext, code: string, body: MunicipalityTransportBody): Promise<MunicipalityTransport> {
  await requireMunicipalityTransportAccess(ctx, code, 'municipality_transport.update');
  const setting = { effectiveFrom: body.effectiveFrom, flexturMember: body.flexturMember, serviceLevelDa: body.serviceLevelDa === '' ? null : body.serviceLevelDa, coPaymentDkk: body.coPaymentDkk };
  await ctx.db.transaction().execute(async (trx) => {
    await upsertMunicipalityTransport(trx, code, setting);
    await audit(trx, ctx, [{ action: 'municipality_transport.update', citizenId: null, entityType: 'municipality', entityId: code, outcome: 'allowed', detail: setting }]);
  });
  return getMunicipalityTransport(ctx, code);
}

/** The §140 thresholds in force on a day (reference data, not a citizen's: no audit), or null when none is set. */
export async function transportThresholdOn(db: Db, onDate: string): Promise<TransportThreshold | null> {
  return thresholdOn(await listTransportRules(db), onDate);
}

export async function getTransportRules(ctx: ServiceContext): Promise<TransportRules> {
  const rows = await listTransportRules(ctx.db);
  return { items: rows.map((r) => ({ ...r, year: Number(r.effectiveFrom.slice(0, 4)) })) };
}

export async function addTransportRule(ctx: ServiceContext, body: TransportRuleBody): Promise<TransportRules> {
  if (!canManageTransportRules(ctx.actor)) {
    await audit(ctx.db, ctx, [{ action: 'transport_rule.create', citizenId: null, entityType: 'transport_rule', outcome: 'denied', detail: { reason: 'role' } }]);
    throw AppError.forbidden('Only an administrator adds transport thresholds');
  }
  const effectiveFrom = `${body.year}-01-01`;
  await ctx.db.transaction().execute(async (trx) => {
    const added = await insertTransportRule(trx, { effectiveFrom, pensionerMinDkk: body.pensionerMinDkk, nonPensionerMinDkk: body.nonPensionerMinDkk, distanceKm: body.distanceKm, source: body.source });
    if (!added) throw AppError.validation([{ field: 'year', code: 'duplicate', message: `thresholds for ${body.year} already exist` }]);
    await audit(trx, ctx, [{ action: 'transport_rule.create', citizenId: null, entityType: 'transport_rule', entityId: effectiveFrom, outcome: 'allowed', detail: { ...body } }]);
  });
  return getTransportRules(ctx);
}
