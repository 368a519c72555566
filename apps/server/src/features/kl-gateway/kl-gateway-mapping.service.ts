import type { KlAssessmentItemMapping, KlFsiiiPairBody, KlInterventionMapping, KlMapping, KlMunicipalityBody, KlMunicipalitySetting } from '@samkraft/contracts/kl-gateway';
import { klConditionCodes, klLegalBases, klMappableInterventionCodes, type KlCode, type KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { canEditKlMapping, canEditKlMunicipality } from './kl-gateway-access.rules.ts';
import {
  assessmentItemExists,
  findMunicipality,
  interventionExists,
  listAssessmentItemMappings,
  listInterventionMappings,
  listMunicipalitySettings,
  saveConditionCodes,
  saveInterventionCodes,
  saveMunicipalitySor,
} from './kl-gateway-mapping.repository.ts';

/** The mapping as the KL Gateway page shows it: the catalogue, the assessment items, the municipalities' SOR codes. */
export async function getKlMapping(ctx: ServiceContext): Promise<KlMapping> {
  return {
    interventions: await listInterventionMappings(ctx.db),
    assessmentItems: await listAssessmentItemMappings(ctx.db),
    municipalities: await listMunicipalitySettings(ctx.db),
  };
}

async function refuse(ctx: ServiceContext, action: string, entityType: string, entityId: string): Promise<never> {
  await audit(ctx.db, ctx, [{ action, citizenId: null, entityType, entityId, outcome: 'denied' }]);
  throw AppError.forbidden('The KL Gateway mapping is for administrators');
}

/** Each basis' code: null, or one of `allowed` — an issue naming the basis otherwise. */
function checkPair(body: KlFsiiiPairBody, allowed: (basis: KlLegalBasis) => readonly KlCode[]): FieldIssue[] {
  return klLegalBases.flatMap((basis): FieldIssue[] => {
    const code = body[basis];
    if (code === null || allowed(basis).some((c) => c.code === code)) return [];
    return [{ field: basis, code: 'invalid_value', message: `must be a code of the ${basis} list (or null: not reported)` }];
  });
}

const changes = (before: Partial<Record<KlLegalBasis, string | null>>, after: KlFsiiiPairBody) =>
  Object.fromEntries(klLegalBases.filter((b) => before[b] !== after[b]).map((b) => [b, { from: before[b] ?? null, to: after[b] }]));

const staffId = (ctx: ServiceContext) => (ctx.actor.kind === 'staff' ? ctx.actor.userId : null);

/**
 * A catalogue intervention's level-2 FSIII code per basis. Only codes that may be part of a forløb:
 * a catalogue intervention is reported as an indsats of its forløb (the IGs' invariants forbid
 * basedOn for the assessment, coordination and conversation codes).
 */
export async function setKlInterventionCodes(ctx: ServiceContext, code: string, body: KlFsiiiPairBody): Promise<KlInterventionMapping> {
  const action = 'kl_gateway.mapping.intervention';
  if (!canEditKlMapping(ctx.actor)) return refuse(ctx, action, 'intervention', code);
  const issues = checkPair(body, klMappableInterventionCodes);
  if (issues.length > 0) throw AppError.validation(issues);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await interventionExists(trx, code))) throw AppError.notFound('Intervention');
    const before = await saveInterventionCodes(trx, code, body, staffId(ctx));
    await audit(trx, ctx, [{ action, citizenId: null, entityType: 'intervention', entityId: code, outcome: 'allowed', detail: changes(before, body) }]);
    const after = (await listInterventionMappings(trx)).find((i) => i.code === code);
    if (!after) throw AppError.notFound('Intervention');
    return after;
  });
}

/** A needs-assessment item's FSIII condition per basis. */
export async function setKlConditionCodes(ctx: ServiceContext, code: string, body: KlFsiiiPairBody): Promise<KlAssessmentItemMapping> {
  const action = 'kl_gateway.mapping.condition';
  if (!canEditKlMapping(ctx.actor)) return refuse(ctx, action, 'assessment_item', code);
  const issues = checkPair(body, (basis) => klConditionCodes[basis]);
  if (issues.length > 0) throw AppError.validation(issues);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await assessmentItemExists(trx, code))) throw AppError.notFound('Assessment item');
    const before = await saveConditionCodes(trx, code, body, staffId(ctx));
    await audit(trx, ctx, [{ action, citizenId: null, entityType: 'assessment_item', entityId: code, outcome: 'allowed', detail: changes(before, body) }]);
    const after = (await listAssessmentItemMappings(trx)).find((i) => i.code === code);
    if (!after) throw AppError.notFound('Assessment item');
    return after;
  });
}

/** A municipality's SOR codes for the reports: its custodian, and the unit that delivers. */
export async function setKlMunicipality(ctx: ServiceContext, code: string, body: KlMunicipalityBody): Promise<KlMunicipalitySetting> {
  const action = 'kl_gateway.municipality';
  if (!canEditKlMunicipality(ctx.actor, code)) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'municipality', entityId: code, outcome: 'denied' }]);
    throw AppError.forbidden("A municipality's SOR codes are set by administrators and the municipality's leads");
  }
  return ctx.db.transaction().execute(async (trx) => {
    const m = await findMunicipality(trx, code);
    if (!m) throw AppError.notFound('Municipality');
    const before = await saveMunicipalitySor(trx, code, body, staffId(ctx));
    await audit(trx, ctx, [{ action, citizenId: null, entityType: 'municipality', entityId: code, outcome: 'allowed', detail: { before, after: body } }]);
    return { code: m.code, name: m.name, custodianSor: body.custodianSor, unitSor: body.unitSor };
  });
}
