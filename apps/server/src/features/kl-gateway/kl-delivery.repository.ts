import type { KlExportMode, KlLeftOut } from '@samkraft/contracts/kl-gateway';
import type { KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import { sql } from 'kysely';
import { copyInto, type Db } from '../../platform/database/database.ts';
import type { Json } from '../../platform/database/schema.ts';
import type { KlResource } from './kl-fhir.ts';

/*
 * The delivery log: each export, per citizen the report's Bundle id, and each resource sent (its
 * id, hash and, but for the citizen, the resource itself).
 */

/**
 * What was last delivered of each resource of these citizens, for one municipality and basis:
 * citizen → resource id → hash. The resources themselves stay in the log until one is needed
 * (`deliveredResources`: a resource to withdraw), so an export reads hashes only.
 */
export async function lastDelivered(db: Db, municipality: string, basis: KlLegalBasis, citizenIds: string[]): Promise<Map<string, Map<string, { hash: string; exportId: string }>>> {
  const out = new Map<string, Map<string, { hash: string; exportId: string }>>();
  if (citizenIds.length === 0) return out;
  const rows = await sql<{ citizen_id: string; resource_id: string; hash: string; export_id: string }>`
    select distinct on (r.citizen_id, r.resource_id) r.citizen_id, r.resource_id, r.hash, r.export_id
    from kl_gateway_delivered_resource r
    join kl_gateway_export e on e.id = r.export_id
    where r.citizen_id = any(${citizenIds}::uuid[]) and e.municipality_code = ${municipality} and e.legal_basis = ${basis}
    order by r.citizen_id, r.resource_id, e.created_at desc, e.id desc`.execute(db);
  for (const r of rows.rows) {
    const forCitizen = out.get(r.citizen_id) ?? new Map<string, { hash: string; exportId: string }>();
    forCitizen.set(r.resource_id, { hash: r.hash, exportId: r.export_id });
    out.set(r.citizen_id, forCitizen);
  }
  return out;
}

/** Resources as last delivered, by (export, citizen, resource): the ones a delivery must withdraw. */
export async function deliveredResources(db: Db, keys: { exportId: string; citizenId: string; resourceId: string }[]): Promise<Map<string, KlResource | null>> {
  if (keys.length === 0) return new Map();
  const rows = await sql<{ resource_id: string; resource: KlResource | null }>`
    select r.resource_id, r.resource from kl_gateway_delivered_resource r
    join unnest(${keys.map((k) => k.exportId)}::uuid[], ${keys.map((k) => k.citizenId)}::uuid[], ${keys.map((k) => k.resourceId)}::uuid[]) as k (export_id, citizen_id, resource_id)
      on r.export_id = k.export_id and r.citizen_id = k.citizen_id and r.resource_id = k.resource_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.resource_id, r.resource]));
}

/** The last day of the latest export's period, for one municipality and basis. */
export async function lastExportedTo(db: Db, municipality: string, basis: KlLegalBasis): Promise<string | null> {
  const r = await db.selectFrom('kl_gateway_export').select(sql<string>`to_char(max(period_to), 'YYYY-MM-DD')`.as('to')).where('municipality_code', '=', municipality).where('legal_basis', '=', basis).executeTakeFirst();
  return r?.to ?? null;
}

export type KlExportRow = {
  municipality: string;
  basis: KlLegalBasis;
  from: string;
  to: string;
  mode: KlExportMode;
  createdBy: string | null;
  actorLabel: string;
  reported: number;
  unchanged: number;
  resources: number;
  leftOut: KlLeftOut[];
  unmappedInterventions: string[];
  unmappedAssessmentItems: string[];
};

export type KlDeliveredBundleRow = { citizenId: string; bundleId: string; resources: { id: string; resourceType: string; hash: string; resource: KlResource }[] };

/** Writes an export with its bundles and resources (one statement each); returns the export's id and time. */
export async function insertExport(db: Db, e: KlExportRow, bundles: KlDeliveredBundleRow[]): Promise<{ id: string; createdAt: Date }> {
  const row = await db
    .insertInto('kl_gateway_export')
    .values({
      municipality_code: e.municipality,
      legal_basis: e.basis,
      period_from: e.from,
      period_to: e.to,
      mode: e.mode,
      created_by: e.createdBy,
      actor_label: e.actorLabel,
      reported_count: e.reported,
      unchanged_count: e.unchanged,
      resource_count: e.resources,
      left_out: JSON.stringify(e.leftOut),
      unmapped_interventions: e.unmappedInterventions,
      unmapped_assessment_items: e.unmappedAssessmentItems,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  if (bundles.length > 0) {
    // COPY: a first delivery of a large municipality is tens of thousands of resources.
    const bundleRows = bundles.map((b) => [row.id, b.citizenId, b.bundleId, String(b.resources.length)]);
    await copyInto(db, 'kl_gateway_delivered_bundle', ['export_id', 'citizen_id', 'bundle_id', 'resource_count'], csv(bundleRows));
    // The citizen is not kept (its CPR number is in the citizen record already); the rest is, for a later withdrawal.
    const resourceRows = bundles.flatMap((b) => b.resources.map((r) => [row.id, b.citizenId, r.resourceType, r.id, r.hash, r.resourceType === 'Patient' ? null : JSON.stringify(r.resource)]));
    await copyInto(db, 'kl_gateway_delivered_resource', ['export_id', 'citizen_id', 'resource_type', 'resource_id', 'hash', 'resource'], csv(resourceRows));
  }
  return { id: row.id, createdAt: row.created_at };
}

export type KlExportRecord = KlExportRow & { id: string; municipalityName: string; createdAt: Date };

export async function listExports(db: Db, municipality: string, limit = 100): Promise<KlExportRecord[]> {
  const rows = await db
    .selectFrom('kl_gateway_export as e')
    .innerJoin('municipality as m', 'm.code', 'e.municipality_code')
    .select([
      'e.id',
      'e.municipality_code',
      'm.name',
      'e.legal_basis',
      sql<string>`to_char(e.period_from, 'YYYY-MM-DD')`.as('period_from'),
      sql<string>`to_char(e.period_to, 'YYYY-MM-DD')`.as('period_to'),
      'e.mode',
      'e.created_at',
      'e.created_by',
      'e.actor_label',
      'e.reported_count',
      'e.unchanged_count',
      'e.resource_count',
      'e.left_out',
      'e.unmapped_interventions',
      'e.unmapped_assessment_items',
    ])
    .where('e.municipality_code', '=', municipality)
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    municipality: r.municipality_code,
    municipalityName: r.name,
    basis: r.legal_basis,
    from: r.period_from,
    to: r.period_to,
    mode: r.mode,
    createdAt: r.created_at,
    createdBy: r.created_by,
    actorLabel: r.actor_label,
    reported: r.reported_count,
    unchanged: r.unchanged_count,
    resources: r.resource_count,
    leftOut: leftOutOf(r.left_out),
    unmappedInterventions: r.unmapped_interventions,
    unmappedAssessmentItems: r.unmapped_assessment_items,
  }));
}

/** The stored left-out list (written by insertExport from KlLeftOut values). */
function leftOutOf(json: Json): KlLeftOut[] {
  return Array.isArray(json) ? (json as KlLeftOut[]) : [];
}

/** Rows as copyInto's CSV: `;`-separated, every value quoted (quotes doubled), null as an unquoted empty value. */
function csv(rows: (string | null)[][]): Uint8Array {
  const line = (row: (string | null)[]) => row.map((v) => (v === null ? '' : `"${v.replaceAll('"', '""')}"`)).join(';');
  return new TextEncoder().encode(rows.map(line).join('\n') + '\n');
}
