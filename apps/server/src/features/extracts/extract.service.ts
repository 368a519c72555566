import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { ExtractExportScope, ExtractImportResult, ExtractValidation } from '@samkraft/contracts/extracts';
import { audit, auditSelected, type AuditEntry } from '../../platform/audit/audit.ts';
import { actorLabel, hasRole } from '../../platform/auth/actor.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { closeCourses } from '../courses/course-lifecycle.service.ts';
import { diffReferral, type FieldChange } from './extract-diff.rules.ts';
import { decideExportAccess, exportKey, pseudonymiseRecords } from './extract-export.rules.ts';
import { recordsToTables, toCsv, type ExtractError, type ReferralRecord } from './extract-format.rules.ts';
import {
  citizenChangeEvents,
  countPlan,
  createdReferralEvents,
  mergeCitizens,
  mergeReferrals,
  planStagedImport,
  selectChangedRows,
  stageExtract,
  stagedClosings,
  type PlanCounts,
  type UpdatedReferral,
} from './extract-import.repository.ts';
import { assignTables, parseCsvFile, type ExtractInput, type RawTable } from './extract-parse.rules.ts';
import { stagingCsv } from './extract-stage.rules.ts';
import { validateExtract } from './extract-validate.rules.ts';
import { readExtractWorkbook, writeExtractWorkbook } from './extract-xlsx.ts';
import { insertImportBatch, loadKnownCodes, pseudonymSecret, selectStoredReferrals } from './extract.repository.ts';

export type ExtractFileBytes = { name: string; bytes: Uint8Array };

/** Person-level extracts are for administrators, and for the CLI's named system actor. */
export async function requireExtractAccess(ctx: ServiceContext, action: string): Promise<void> {
  if (ctx.actor.kind === 'system' || hasRole(ctx.actor, 'administrator')) return;
  await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'extract', outcome: 'denied', detail: { reason: 'not_administrator' } }]);
  throw AppError.forbidden('Extracts are for administrators');
}

const isWorkbook = (f: ExtractFileBytes) => f.name.toLowerCase().endsWith('.xlsx') || (f.bytes[0] === 0x50 && f.bytes[1] === 0x4b && f.bytes[2] === 0x03 && f.bytes[3] === 0x04);

type ReadExtract = { input: ExtractInput | null; errors: ExtractError[]; format: 'csv' | 'xlsx' };

/** Two CSV files (any order) or one XLSX workbook → the two raw tables. */
export async function readExtractFiles(files: ExtractFileBytes[]): Promise<ReadExtract> {
  const [first] = files;
  if (files.length === 1 && first && isWorkbook(first)) return { ...(await readExtractWorkbook(first.name, first.bytes)), format: 'xlsx' };
  const errors: ExtractError[] = [];
  const tables: RawTable[] = [];
  for (const f of files) {
    const parsed = parseCsvFile(f.name, f.bytes);
    errors.push(...parsed.errors);
    if (parsed.table) tables.push(parsed.table);
  }
  if (errors.length > 0) return { input: null, errors, format: 'csv' };
  return { ...assignTables(tables), format: 'csv' };
}

export function extractHash(files: ExtractFileBytes[]): string {
  const parts = files.map((f) => `${f.name}:${createHash('sha256').update(f.bytes).digest('hex')}`).sort();
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

type Checked = { format: 'csv' | 'xlsx'; records: ReferralRecord[]; rows: number[]; errors: ExtractError[]; referralRows: number; interventionRows: number; referralsFile: string };

/** The phases of an import, in order; a dry run stops after `compare`. */
export const importPhases = ['read', 'validate', 'stage', 'compare', 'store', 'audit'] as const;
export type ImportPhase = (typeof importPhases)[number];

/**
 * Told when each phase starts — `done` of `total` phases finished — and once more at the end
 * (`done` = `total`, the last phase), so that a job runner can show how far an import is.
 */
export type ImportProgress = (done: number, total: number, phase: ImportPhase) => void;

const progressOf = (onProgress: ImportProgress | undefined) => (phase: ImportPhase) => onProgress?.(importPhases.indexOf(phase), importPhases.length, phase);

async function checkFiles(db: Db, ctx: ServiceContext, files: ExtractFileBytes[], progress: (phase: ImportPhase) => void): Promise<Checked> {
  progress('read');
  const read = await readExtractFiles(files);
  if (!read.input) return { format: read.format, records: [], rows: [], errors: read.errors, referralRows: 0, interventionRows: 0, referralsFile: '' };
  progress('validate');
  const result = validateExtract(read.input, await loadKnownCodes(db), danishDate(ctx.clock.now()));
  return { format: read.format, ...result, referralsFile: read.input.referrals.file };
}

type Plan = { errors: ExtractError[]; counts: PlanCounts; changes: Map<number, Record<string, FieldChange>> };

/**
 * Stages a checked extract in the transaction `trx` and plans it against the stored records
 * (set-based, extract-import.repository.ts). The few known referrals it would change are read
 * back whole, for the fields that changed: a referral_id known from a record made in Samkraft
 * may be re-imported unchanged, never changed (an error naming them); an imported one is updated,
 * its audit event naming them.
 */
async function stageAndPlan(trx: Db, checked: Checked, progress: (phase: ImportPhase) => void): Promise<Plan> {
  progress('stage');
  await stageExtract(trx, stagingCsv(checked.records, checked.rows));
  progress('compare');
  await planStagedImport(trx);
  const changed = await selectChangedRows(trx);
  const stored = new Map((changed.length ? await selectStoredReferrals(trx, { ids: changed.map((c) => c.referralId) }) : []).map((s) => [s.id, s]));
  const recordOf = new Map(checked.rows.map((row, i) => [row, checked.records[i]]));
  const errors: ExtractError[] = [];
  const changes = new Map<number, Record<string, FieldChange>>();
  for (const c of changed) {
    const before = stored.get(c.referralId);
    const record = recordOf.get(c.row);
    if (!before || !record) throw new Error(`planned row ${c.row} has no stored or incoming record`);
    const diff = diffReferral(before.record, record);
    if (c.kind === 'update') changes.set(c.row, diff);
    else {
      errors.push({
        file: checked.referralsFile,
        row: c.row,
        column: 'referral_id',
        reason: 'known_from_samkraft',
        detail: `referral_id "${record.referralId}" is a referral entered in Samkraft; change it there (changed: ${Object.keys(diff).join(', ')})`,
      });
    }
  }
  return { errors, counts: await countPlan(trx), changes };
}

/** The dry run: every error an import would report, nothing stored. */
export async function validateExtractFiles(ctx: ServiceContext, files: ExtractFileBytes[], onProgress?: ImportProgress): Promise<ExtractValidation> {
  await requireExtractAccess(ctx, 'extract.validate');
  const progress = progressOf(onProgress);
  const checked = await checkFiles(ctx.db, ctx, files, progress);
  let errors = checked.errors;
  // The staging tables go with the transaction; nothing else is written in it.
  if (errors.length === 0) errors = await ctx.db.transaction().execute(async (trx) => (await stageAndPlan(trx, checked, progress)).errors);
  await audit(ctx.db, ctx, [
    { action: 'extract.validate', citizenId: null, entityType: 'extract', outcome: 'allowed', detail: { files: files.map((f) => f.name), errors: errors.length, referralRows: checked.referralRows } },
  ]);
  return { valid: errors.length === 0, format: checked.format, referralRows: checked.referralRows, interventionRows: checked.interventionRows, errors };
}

/**
 * Imports an extract in one transaction: all rows or none. Known referrals (home municipality +
 * referral_id) that are unchanged are left alone; changed ones are updated with an audit event
 * naming the changed fields; new ones are created, marked origin 'import'. The rows go by COPY
 * into staging tables and are compared and merged set-based (extract-import.repository.ts).
 */
export async function importExtract(ctx: ServiceContext, files: ExtractFileBytes[], onProgress?: ImportProgress): Promise<ExtractImportResult> {
  await requireExtractAccess(ctx, 'extract.import');
  const progress = progressOf(onProgress);
  const checked = await checkFiles(ctx.db, ctx, files, progress);
  const base = { format: checked.format, referralRows: checked.referralRows, interventionRows: checked.interventionRows };
  const refused = async (errors: ExtractError[]): Promise<ExtractImportResult> => {
    await audit(ctx.db, ctx, [
      { action: 'extract.import', citizenId: null, entityType: 'extract', outcome: 'failed', detail: { files: files.map((f) => f.name), errors: errors.length, first: errors.slice(0, 5).map(({ file, row, column, reason }) => ({ file, row, column, reason })) } },
    ]);
    return { outcome: 'refused', importId: null, ...base, created: 0, updated: 0, unchanged: 0, errors };
  };
  if (checked.errors.length > 0) return refused(checked.errors);

  type Stored = { errors: ExtractError[] } | { importId: string; created: number; updated: number; unchanged: number };
  const outcome = await ctx.db.transaction().execute(async (trx): Promise<Stored> => {
    // One import at a time: two of the same extract must not both create its referrals.
    await sql`select pg_advisory_xact_lock(hashtext('samkraft.extract_import'))`.execute(trx);
    const plan = await stageAndPlan(trx, checked, progress);
    if (plan.errors.length > 0) return { errors: plan.errors };
    progress('store');
    const { create: created, update: updated, unchanged } = plan.counts;
    let updates: UpdatedReferral[] = [];
    if (created + updated > 0) {
      await mergeCitizens(trx);
      updates = await mergeReferrals(trx);
      const closing = await stagedClosings(trx);
      await closeCourses(trx, closing.courseIds, closing.closedOn, 'completed');
    }
    progress('audit');
    // One event per referral created (selected where its rows are), then one per referral updated.
    if (created + updated > 0) await auditSelected(trx, ctx, citizenChangeEvents());
    if (created > 0) await auditSelected(trx, ctx, createdReferralEvents());
    const recordOf = new Map(checked.rows.map((row, i) => [row, checked.records[i]]));
    const updateEvent = (u: UpdatedReferral): AuditEntry => {
      const r = recordOf.get(u.row);
      const detail = { change: 'updated', referralId: r?.referralId ?? '', homeMunicipality: r?.homeMunicipality ?? '', changes: plan.changes.get(u.row) ?? {} };
      return { action: 'extract.import', citizenId: u.citizenId, entityType: 'referral', entityId: u.referralId, outcome: 'allowed', detail: JSON.parse(JSON.stringify(detail)) as AuditEntry['detail'] };
    };
    await audit(trx, ctx, updates.map(updateEvent));
    const importId = await insertImportBatch(trx, {
      fileHash: extractHash(files),
      fileNames: files.map((f) => f.name),
      format: checked.format,
      referralRows: checked.referralRows,
      interventionRows: checked.interventionRows,
      created,
      updated,
      unchanged,
      actorUserId: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
      actorLabel: actorLabel(ctx.actor),
    });
    await audit(trx, ctx, [
      { action: 'extract.import', citizenId: null, entityType: 'extract_import', entityId: importId, outcome: 'allowed', detail: { created, updated, unchanged } },
    ]);
    return { importId, created, updated, unchanged };
  });
  onProgress?.(importPhases.length, importPhases.length, 'audit');
  if ('errors' in outcome) return refused(outcome.errors);
  return { outcome: 'imported', ...base, ...outcome, errors: [] };
}

export type ExportedFile = { fileName: string; contentType: string; bytes: Uint8Array; referrals: number };

export type ExportRequest = { format: 'csv' | 'xlsx'; table?: 'referrals' | 'interventions'; scope: ExtractExportScope; purpose: string };

/**
 * The stored records in the extract format, whatever their origin: a municipality's own
 * citizens person-level, or the collaboration's pseudonymised (decideExportAccess); one audit
 * event per citizen, with the purpose.
 */
export async function exportExtract(ctx: ServiceContext, request: ExportRequest): Promise<ExportedFile> {
  const { format, table = 'referrals', scope, purpose } = request;
  const access = decideExportAccess(ctx.actor, scope);
  if (!access.allowed) {
    await audit(ctx.db, ctx, [{ action: 'extract.export', citizenId: null, entityType: 'extract', outcome: 'denied', detail: { reason: access.reason, scope } }]);
    throw AppError.forbidden(scope === 'municipality' ? "A municipality's person-level records are for its municipal lead and administrators" : "The collaboration's records are for coordinators and administrators");
  }
  const detail = { format, table: format === 'csv' ? table : 'both', scope, purpose, pseudonymised: access.pseudonymise };
  const stored = await ctx.db.transaction().execute(async (trx) => {
    const all = await selectStoredReferrals(trx, access.homeMunicipalityCode ? { homeMunicipalityCode: access.homeMunicipalityCode } : undefined);
    const citizens = [...new Set(all.map((s) => s.citizenId))];
    await audit(
      trx,
      ctx,
      citizens.map((citizenId) => ({ action: 'extract.export', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed', purpose, detail })),
    );
    await audit(trx, ctx, [{ action: 'extract.export', citizenId: null, entityType: 'extract', outcome: 'allowed', purpose, detail: { ...detail, referrals: all.length, citizens: citizens.length } }]);
    const secret = access.pseudonymise ? await pseudonymSecret(trx, () => randomBytes(32).toString('hex')) : null;
    return { all, secret };
  });
  const day = danishDate(ctx.clock.now());
  const records = stored.all.map((s) => s.record);
  const tables = recordsToTables(stored.secret ? pseudonymiseRecords(records, exportKey(stored.secret, actorLabel(ctx.actor), day, purpose)) : records);
  if (format === 'xlsx') {
    return {
      fileName: `samkraft-udtraek-${access.pseudonymise ? 'pseudonymiseret-' : ''}${day}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: await writeExtractWorkbook(tables),
      referrals: stored.all.length,
    };
  }
  return { fileName: `${table}-${day}.csv`, contentType: 'text/csv; charset=utf-8', bytes: toCsv(tables[table]), referrals: stored.all.length };
}
