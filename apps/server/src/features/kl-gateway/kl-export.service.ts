import { randomUUID } from 'node:crypto';
import type { KlExportList, KlExportMode, KlExportSummary, KlLeftOut } from '@samkraft/contracts/kl-gateway';
import type { KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import { sql } from 'kysely';
import { audit, type AuditEntry } from '../../platform/audit/audit.ts';
import { actorLabel } from '../../platform/auth/actor.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { canExportKl } from './kl-gateway-access.rules.ts';
import { findMunicipality, mappingFor, municipalitySors } from './kl-gateway-mapping.repository.ts';
import { deliveryReport, selectForDelivery, type KlDelivered } from './kl-delivery.rules.ts';
import { deliveredResources, insertExport, lastDelivered, lastExportedTo, listExports, type KlDeliveredBundleRow, type KlExportRecord } from './kl-delivery.repository.ts';
import { checkExportPeriod } from './kl-export.rules.ts';
import type { KlBundle } from './kl-fhir.ts';
import { loadKlInvariants } from './kl-invariants.ts';
import type { KlBuildContext } from './kl-model.ts';
import { buildCitizenReport } from './kl-report.rules.ts';
import { readPeriodCitizens } from './kl-report.repository.ts';
import { zip } from './kl-zip.ts';

/*
 * The KL Gateway export: for one municipality, legal basis and period, one delivery report per
 * citizen with something new since the last delivery, checked against the IGs' invariants, as
 * files for upload (a ZIP: one JSON file per citizen, named by its Bundle id — never a CPR
 * number — and `oversigt.json`, the summary: who was left out and why). The delivery is logged
 * (what was sent, so the next one sends only what is new or changed) and audited per citizen.
 */

export type KlExportInput = { municipality: string; legalBasis: KlLegalBasis; from: string; to: string; mode: KlExportMode };
export type KlExportFile = { summary: KlExportSummary; fileName: string; bytes: Uint8Array };

const ACTION = 'kl_gateway.export';
const purposeOf = (basis: KlLegalBasis) => `kl_gateway_${basis}`;

function toSummary(r: KlExportRecord): KlExportSummary {
  return {
    id: r.id,
    municipality: { code: r.municipality, name: r.municipalityName },
    legalBasis: r.basis,
    from: r.from,
    to: r.to,
    mode: r.mode,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.actorLabel,
    reported: r.reported,
    unchanged: r.unchanged,
    resources: r.resources,
    leftOut: r.leftOut,
    unmappedInterventions: r.unmappedInterventions,
    unmappedAssessmentItems: r.unmappedAssessmentItems,
  };
}

async function requireExporter(ctx: ServiceContext, municipality: string, action: string): Promise<void> {
  if (canExportKl(ctx.actor, municipality)) return;
  await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'kl_gateway_export', outcome: 'denied', detail: { municipality } }]);
  throw AppError.forbidden("KL Gateway reports are exported by the municipality's administrators and leads");
}

export async function createKlExport(ctx: ServiceContext, input: KlExportInput): Promise<KlExportFile> {
  await requireExporter(ctx, input.municipality, ACTION);
  const { municipality, legalBasis: basis, from, to, mode } = input;
  const today = danishDate(ctx.clock.now());
  const check = await loadKlInvariants();

  return ctx.db.transaction().execute(async (trx) => {
    // One export at a time per municipality and basis: two at once would both send the same news.
    await sql`select pg_advisory_xact_lock(hashtext(${`samkraft.kl_gateway_export.${municipality}.${basis}`}))`.execute(trx);
    const m = await findMunicipality(trx, municipality);
    if (!m) throw AppError.validation([{ field: 'municipality', code: 'unknown_municipality', message: 'must be a municipality code' }]);
    const sors = await municipalitySors(trx);
    const own = sors.get(municipality);
    if (!own) throw AppError.validation([{ field: 'municipality', code: 'sor_required', message: "the municipality's SOR code for KL Gateway is not set (PUT /api/kl-gateway/municipalities/{code})" }]);
    const issues = checkExportPeriod({ from, to, mode }, today, await lastExportedTo(trx, municipality, basis));
    if (issues.length > 0) throw AppError.validation(issues);

    const citizens = await readPeriodCitizens(trx, { municipality, basis, from, to });
    const mapping = await mappingFor(trx, basis);
    const lookup = (decided: Map<string, string | null>) => (code: string) => (decided.has(code) ? (decided.get(code) ?? null) : undefined);
    const build: KlBuildContext = {
      basis,
      asOf: to,
      custodianSor: own.custodianSor,
      homeUnitSor: own.unitSor,
      providerSor: (code) => sors.get(code)?.unitSor ?? null,
      interventionCode: lookup(mapping.interventions),
      conditionCode: lookup(mapping.items),
    };
    const delivered = await lastDelivered(
      trx,
      municipality,
      basis,
      citizens.map((c) => c.citizenId),
    );
    const timestamp = ctx.clock.now().toISOString();

    const leftOut: KlLeftOut[] = [];
    const bundles: (KlDeliveredBundleRow & { bundle: KlBundle })[] = [];
    const unmappedInterventions = new Set<string>();
    const unmappedItems = new Set<string>();
    let unchanged = 0;
    const outcomeOf = new Map<string, Record<string, string>>();
    const reports = new Map<string, ReturnType<typeof buildCitizenReport>>();
    for (const citizen of citizens) {
      const report = buildCitizenReport(citizen, build);
      reports.set(citizen.citizenId, report);
      if (report.kind === 'left_out') {
        leftOut.push({ citizenId: report.citizenId, courseIds: report.courseIds, reason: report.reason, detail: report.detail });
        outcomeOf.set(citizen.citizenId, { outcome: 'left_out', reason: report.reason });
      }
    }
    // The resources delivered before that are gone from the reports now (rare): read as sent, to withdraw them.
    const gone = citizens.flatMap((c) => {
      const report = reports.get(c.citizenId);
      if (report?.kind !== 'report') return [];
      const current = new Set(report.resources.map((r) => r.id));
      return [...(delivered.get(c.citizenId) ?? new Map<string, { exportId: string }>())].filter(([id]) => !current.has(id)).map(([resourceId, d]) => ({ exportId: d.exportId, citizenId: c.citizenId, resourceId }));
    });
    const goneResources = await deliveredResources(trx, gone);

    for (const citizen of citizens) {
      const report = reports.get(citizen.citizenId);
      if (report?.kind !== 'report') continue;
      for (const c of report.unmappedInterventions) unmappedInterventions.add(c);
      for (const c of report.unmappedAssessmentItems) unmappedItems.add(c);
      const log = new Map<string, KlDelivered>([...(delivered.get(citizen.citizenId) ?? new Map<string, { hash: string }>())].map(([id, d]) => [id, { hash: d.hash, resource: goneResources.get(id) ?? null }]));
      const selection = selectForDelivery(report.resources, log, mode);
      if (!selection) {
        unchanged += 1;
        outcomeOf.set(citizen.citizenId, { outcome: 'unchanged' });
        continue;
      }
      const bundle = deliveryReport(basis, { bundleId: randomUUID(), timestamp, resources: selection.resources });
      const failures = check(bundle);
      if (failures.length > 0) {
        const keys = [...new Set(failures.map((f) => f.key))];
        leftOut.push({ citizenId: citizen.citizenId, courseIds: report.courseIds, reason: 'invariant_failed', detail: keys.join(', ') });
        outcomeOf.set(citizen.citizenId, { outcome: 'left_out', reason: 'invariant_failed' });
        continue;
      }
      bundles.push({
        citizenId: citizen.citizenId,
        bundleId: bundle.id,
        bundle,
        resources: selection.resources.map((r) => ({ id: r.id, resourceType: r.resourceType, hash: selection.hashes.get(r.id) ?? '', resource: r })),
      });
      outcomeOf.set(citizen.citizenId, { outcome: 'reported', bundleId: bundle.id });
    }

    const resources = bundles.reduce((n, b) => n + b.resources.length, 0);
    const row = {
      municipality,
      basis,
      from,
      to,
      mode,
      createdBy: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
      actorLabel: actorLabel(ctx.actor),
      reported: bundles.length,
      unchanged,
      resources,
      leftOut,
      unmappedInterventions: [...unmappedInterventions].sort(),
      unmappedAssessmentItems: [...unmappedItems].sort(),
    };
    const saved = await insertExport(trx, row, bundles);
    // Every citizen of the period was read (their CPR number goes into a file): one event each, and one for the export.
    const events: AuditEntry[] = citizens.map((c) => ({
      action: ACTION,
      citizenId: c.citizenId,
      entityType: 'kl_gateway_export',
      entityId: saved.id,
      purpose: purposeOf(basis),
      outcome: 'allowed',
      detail: outcomeOf.get(c.citizenId) ?? {},
    }));
    events.push({ action: ACTION, citizenId: null, entityType: 'kl_gateway_export', entityId: saved.id, purpose: purposeOf(basis), outcome: 'allowed', detail: { municipality, basis, from, to, mode, reported: bundles.length, unchanged, leftOut: leftOut.length } });
    await audit(trx, ctx, events);

    const summary = toSummary({ ...row, id: saved.id, municipalityName: m.name, createdAt: saved.createdAt });
    const encoder = new TextEncoder();
    const files = bundles.map((b) => ({ name: `${b.bundleId}.json`, bytes: encoder.encode(JSON.stringify(b.bundle, null, 2)) }));
    const overview = { ...summary, files: bundles.map((b) => ({ name: `${b.bundleId}.json`, citizenId: b.citizenId, bundleId: b.bundleId, resources: b.resources.length })) };
    files.push({ name: 'oversigt.json', bytes: encoder.encode(JSON.stringify(overview, null, 2)) });
    return { summary, fileName: `kl-gateway-${basis.slice(3)}-${municipality}-${from}-${to}.zip`, bytes: zip(files) };
  });
}

/** The municipality's exports, newest first (the delivery log; no CPR numbers). */
export async function listKlExports(ctx: ServiceContext, municipality: string | undefined): Promise<KlExportList> {
  const code = municipality ?? (ctx.actor.kind === 'staff' ? ctx.actor.municipalityCode : '');
  await requireExporter(ctx, code, 'kl_gateway.exports.list');
  const exports = (await listExports(ctx.db, code)).map(toSummary);
  await audit(ctx.db, ctx, [{ action: 'kl_gateway.exports.list', citizenId: null, entityType: 'kl_gateway_export', outcome: 'allowed', detail: { municipality: code, shown: exports.length } }]);
  return { exports };
}
