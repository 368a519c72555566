import type { KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import type { KlAssessmentItemMapping, KlFsiiiPair, KlInterventionMapping, KlMunicipalitySetting } from '@samkraft/contracts/kl-gateway';
import { sql } from 'kysely';
import type { Db } from '../../platform/database/database.ts';

/*
 * The KL Gateway mapping: FSIII codes of the catalogue's interventions and the needs
 * assessment's items per legal basis, and the municipalities' SOR codes for the reports.
 */

/** Per basis: the code set (a UUID), "not reported" (null), or no decision yet (the key missing). */
export type KlCodeRows = Partial<Record<KlLegalBasis, string | null>>;

const pairOf = (rows: KlCodeRows): KlFsiiiPair => ({ SUL140: rows.SUL140 ?? null, SUL119: rows.SUL119 ?? null });

type MappingJson = { basis: KlLegalBasis; code: string | null }[];
const toRows = (json: MappingJson): KlCodeRows => Object.fromEntries(json.map((m) => [m.basis, m.code]));

export async function listInterventionMappings(db: Db): Promise<KlInterventionMapping[]> {
  const rows = await db
    .selectFrom('intervention as i')
    .select([
      'i.code',
      'i.name_da',
      'i.name_en',
      'i.active',
      'i.legal_bases',
      sql<MappingJson>`coalesce((select json_agg(json_build_object('basis', k.legal_basis, 'code', k.fsiii_code)) from kl_gateway_intervention_code k where k.intervention_code = i.code), '[]'::json)`.as('mapping'),
    ])
    .orderBy('i.name_da')
    .execute();
  return rows.map((r) => ({ code: r.code, nameDa: r.name_da, nameEn: r.name_en, active: r.active, legalBases: r.legal_bases, fsiii: pairOf(toRows(r.mapping)) }));
}

export async function listAssessmentItemMappings(db: Db): Promise<KlAssessmentItemMapping[]> {
  const rows = await db
    .selectFrom('assessment_item as a')
    .select([
      'a.code',
      'a.label_da',
      'a.label_en',
      'a.area',
      'a.active',
      sql<MappingJson>`coalesce((select json_agg(json_build_object('basis', k.legal_basis, 'code', k.fsiii_code)) from kl_gateway_condition_code k where k.item_code = a.code), '[]'::json)`.as('mapping'),
    ])
    .orderBy('a.sort_order')
    .execute();
  return rows.map((r) => ({ code: r.code, labelDa: r.label_da, labelEn: r.label_en, area: r.area, active: r.active, fsiii: pairOf(toRows(r.mapping)) }));
}

/** The collaboration's member municipalities, and any other with SOR codes set, with their SOR codes for the reports. */
export async function listMunicipalitySettings(db: Db): Promise<KlMunicipalitySetting[]> {
  const rows = await db
    .selectFrom('municipality as m')
    .leftJoin('kl_gateway_municipality as k', 'k.municipality_code', 'm.code')
    .select(['m.code', 'm.name', 'k.custodian_sor', 'k.unit_sor'])
    .where((eb) => eb.or([eb('m.is_member', '=', true), eb('k.municipality_code', 'is not', null)]))
    .orderBy('m.name')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, custodianSor: r.custodian_sor, unitSor: r.unit_sor }));
}

export async function findMunicipality(db: Db, code: string): Promise<{ code: string; name: string } | undefined> {
  const r = await db.selectFrom('municipality').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
  return r && { code: r.code, name: r.name };
}

export async function interventionExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('intervention').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function assessmentItemExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('assessment_item').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

const bases = (pair: KlFsiiiPair) => (['SUL140', 'SUL119'] as const).map((basis) => ({ basis, code: pair[basis] }));

/** Sets both bases' codes of an intervention; returns the codes before (the audit's old value). */
export async function saveInterventionCodes(db: Db, interventionCode: string, pair: KlFsiiiPair, by: string | null): Promise<KlCodeRows> {
  const before = await db.selectFrom('kl_gateway_intervention_code').select(['legal_basis', 'fsiii_code']).where('intervention_code', '=', interventionCode).forUpdate().execute();
  await db
    .insertInto('kl_gateway_intervention_code')
    .values(bases(pair).map((b) => ({ intervention_code: interventionCode, legal_basis: b.basis, fsiii_code: b.code, updated_by: by })))
    .onConflict((oc) => oc.columns(['intervention_code', 'legal_basis']).doUpdateSet((eb) => ({ fsiii_code: eb.ref('excluded.fsiii_code'), updated_by: eb.ref('excluded.updated_by'), updated_at: sql<Date>`now()` })))
    .execute();
  return Object.fromEntries(before.map((b) => [b.legal_basis, b.fsiii_code]));
}

export async function saveConditionCodes(db: Db, itemCode: string, pair: KlFsiiiPair, by: string | null): Promise<KlCodeRows> {
  const before = await db.selectFrom('kl_gateway_condition_code').select(['legal_basis', 'fsiii_code']).where('item_code', '=', itemCode).forUpdate().execute();
  await db
    .insertInto('kl_gateway_condition_code')
    .values(bases(pair).map((b) => ({ item_code: itemCode, legal_basis: b.basis, fsiii_code: b.code, updated_by: by })))
    .onConflict((oc) => oc.columns(['item_code', 'legal_basis']).doUpdateSet((eb) => ({ fsiii_code: eb.ref('excluded.fsiii_code'), updated_by: eb.ref('excluded.updated_by'), updated_at: sql<Date>`now()` })))
    .execute();
  return Object.fromEntries(before.map((b) => [b.legal_basis, b.fsiii_code]));
}

export async function saveMunicipalitySor(db: Db, municipalityCode: string, o: { custodianSor: string; unitSor: string | null }, by: string | null): Promise<{ custodianSor: string; unitSor: string | null } | null> {
  const before = await db.selectFrom('kl_gateway_municipality').select(['custodian_sor', 'unit_sor']).where('municipality_code', '=', municipalityCode).forUpdate().executeTakeFirst();
  await db
    .insertInto('kl_gateway_municipality')
    .values({ municipality_code: municipalityCode, custodian_sor: o.custodianSor, unit_sor: o.unitSor, updated_by: by })
    .onConflict((oc) =>
      oc.column('municipality_code').doUpdateSet((eb) => ({ custodian_sor: eb.ref('excluded.custodian_sor'), unit_sor: eb.ref('excluded.unit_sor'), updated_by: eb.ref('excluded.updated_by'), updated_at: sql<Date>`now()` })),
    )
    .execute();
  return before ? { custodianSor: before.custodian_sor, unitSor: before.unit_sor } : null;
}

/** One basis' decisions: Samkraft code → FSIII code or null ("not reported"); a code without a row is undecided. */
export async function mappingFor(db: Db, basis: KlLegalBasis): Promise<{ interventions: Map<string, string | null>; items: Map<string, string | null> }> {
  const interventions = await db.selectFrom('kl_gateway_intervention_code').select(['intervention_code as code', 'fsiii_code']).where('legal_basis', '=', basis).execute();
  const items = await db.selectFrom('kl_gateway_condition_code').select(['item_code as code', 'fsiii_code']).where('legal_basis', '=', basis).execute();
  return { interventions: new Map(interventions.map((r) => [r.code, r.fsiii_code])), items: new Map(items.map((r) => [r.code, r.fsiii_code])) };
}

/** Every municipality's SOR codes for the reports. */
export async function municipalitySors(db: Db): Promise<Map<string, { custodianSor: string; unitSor: string }>> {
  const rows = await db.selectFrom('kl_gateway_municipality').select(['municipality_code', 'custodian_sor', 'unit_sor']).execute();
  return new Map(rows.map((r) => [r.municipality_code, { custodianSor: r.custodian_sor, unitSor: r.unit_sor ?? r.custodian_sor }]));
}
