import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ExtractImportResult, ExtractValidation } from '@samkraft/contracts/extracts';
import { audit, type AuditEntry } from '../../platform/audit/audit.ts';
import { actorLabel, hasRole } from '../../platform/auth/actor.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { keyOf, planImport, type ImportStep, type StoredReferral } from './extract-diff.rules.ts';
import { recordsToTables, toCsv, type ExtractError, type ReferralRecord } from './extract-format.rules.ts';
import { assignTables, parseCsvFile, type ExtractInput, type RawTable } from './extract-parse.rules.ts';
import { validateExtract } from './extract-validate.rules.ts';
import { readExtractWorkbook, writeExtractWorkbook } from './extract-xlsx.ts';
import {
  findCitizens,
  findReferralIdsByExternal,
  insertCitizens,
  insertImportBatch,
  insertImportedReferrals,
  loadKnownCodes,
  replaceImportedReferral,
  selectStoredReferrals,
  updateCitizenFacts,
  type NewCitizen,
  type ReferralToStore,
} from './extract.repository.ts';

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

async function checkFiles(db: Db, ctx: ServiceContext, files: ExtractFileBytes[]): Promise<Checked> {
  const read = await readExtractFiles(files);
  if (!read.input) return { format: read.format, records: [], rows: [], errors: read.errors, referralRows: 0, interventionRows: 0, referralsFile: '' };
  const result = validateExtract(read.input, await loadKnownCodes(db), danishDate(ctx.clock.now()));
  return { format: read.format, ...result, referralsFile: read.input.referrals.file };
}

async function loadStored(db: Db, records: ReferralRecord[]): Promise<Map<string, StoredReferral>> {
  const ids = await findReferralIdsByExternal(db, [...new Set(records.map((r) => r.referralId))]);
  const stored = ids.length ? await selectStoredReferrals(db, ids) : [];
  return new Map(stored.map((s) => [keyOf(s.record.homeMunicipality, s.record.referralId), s]));
}

/** A referral_id known from a record made in Samkraft may be re-imported unchanged, never changed. */
function refusals(steps: ImportStep[], records: ReferralRecord[], rowOf: Map<string, number>, file: string): ExtractError[] {
  return steps.flatMap((s, i) =>
    s.kind === 'refuse'
      ? [
          {
            file,
            row: rowOf.get(keyOf(records[i]?.homeMunicipality ?? '', records[i]?.referralId ?? '')) ?? 0,
            column: 'referral_id',
            reason: 'known_from_samkraft' as const,
            detail: `referral_id "${s.record.referralId}" is a referral entered in Samkraft; change it there (changed: ${Object.keys(s.changes).join(', ')})`,
          },
        ]
      : [],
  );
}

function rowNumbers(checked: Checked): Map<string, number> {
  return new Map(checked.records.map((r, i) => [keyOf(r.homeMunicipality, r.referralId), checked.rows[i] ?? 0]));
}

/** The dry run: every error an import would report, nothing stored. */
export async function validateExtractFiles(ctx: ServiceContext, files: ExtractFileBytes[]): Promise<ExtractValidation> {
  await requireExtractAccess(ctx, 'extract.validate');
  const checked = await checkFiles(ctx.db, ctx, files);
  let errors = checked.errors;
  if (errors.length === 0) {
    const steps = planImport(checked.records, await loadStored(ctx.db, checked.records));
    errors = refusals(steps, checked.records, rowNumbers(checked), checked.referralsFile);
  }
  await audit(ctx.db, ctx, [
    { action: 'extract.validate', citizenId: null, entityType: 'extract', outcome: 'allowed', detail: { files: files.map((f) => f.name), errors: errors.length, referralRows: checked.referralRows } },
  ]);
  return { valid: errors.length === 0, format: checked.format, referralRows: checked.referralRows, interventionRows: checked.interventionRows, errors };
}

/**
 * Imports an extract in one transaction: all rows or none. Known referrals (home municipality +
 * referral_id) that are unchanged are left alone; changed ones are updated with an audit event
 * naming the changed fields; new ones are created, marked origin 'import'.
 */
export async function importExtract(ctx: ServiceContext, files: ExtractFileBytes[]): Promise<ExtractImportResult> {
  await requireExtractAccess(ctx, 'extract.import');
  const checked = await checkFiles(ctx.db, ctx, files);
  const base = { format: checked.format, referralRows: checked.referralRows, interventionRows: checked.interventionRows };
  const refused = async (errors: ExtractError[]): Promise<ExtractImportResult> => {
    await audit(ctx.db, ctx, [
      { action: 'extract.import', citizenId: null, entityType: 'extract', outcome: 'failed', detail: { files: files.map((f) => f.name), errors: errors.length, first: errors.slice(0, 5) } },
    ]);
    return { outcome: 'refused', importId: null, ...base, created: 0, updated: 0, unchanged: 0, errors };
  };
  if (checked.errors.length > 0) return refused(checked.errors);

  type Stored = { errors: ExtractError[] } | { importId: string; created: number; updated: number; unchanged: number };
  const outcome = await ctx.db.transaction().execute(async (trx): Promise<Stored> => {
    // One import at a time: two of the same extract must not both create its referrals.
    await sql`select pg_advisory_xact_lock(hashtext('samkraft.extract_import'))`.execute(trx);
    const steps = planImport(checked.records, await loadStored(trx, checked.records));
    const refusedRows = refusals(steps, checked.records, rowNumbers(checked), checked.referralsFile);
    if (refusedRows.length > 0) return { errors: refusedRows };

    const changing = steps.filter((s) => s.kind === 'create' || s.kind === 'update').map((s) => s.record);
    const citizenIds = await resolveCitizens(trx, changing);
    const created: ReferralToStore[] = [];
    const entries: AuditEntry[] = [];
    for (const s of steps) {
      if (s.kind === 'create') {
        const item = { referralId: randomUUID(), courseId: randomUUID(), citizenId: citizenIds.get(s.record.citizen.value) ?? '', record: s.record };
        created.push(item);
        entries.push({ action: 'extract.import', citizenId: item.citizenId, entityType: 'referral', entityId: item.referralId, outcome: 'allowed', detail: { change: 'created', referralId: s.record.referralId, homeMunicipality: s.record.homeMunicipality } });
      }
    }
    await insertImportedReferrals(trx, created);
    let updated = 0;
    for (const s of steps) {
      if (s.kind !== 'update' || !s.stored.courseId) continue;
      const citizenId = citizenIds.get(s.record.citizen.value) ?? s.stored.citizenId;
      await replaceImportedReferral(trx, { referralId: s.stored.id, courseId: s.stored.courseId, citizenId, record: s.record });
      updated++;
      entries.push({
        action: 'extract.import',
        citizenId,
        entityType: 'referral',
        entityId: s.stored.id,
        outcome: 'allowed',
        detail: JSON.parse(JSON.stringify({ change: 'updated', referralId: s.record.referralId, homeMunicipality: s.record.homeMunicipality, changes: s.changes })) as AuditEntry['detail'],
      });
    }
    const unchanged = steps.filter((s) => s.kind === 'unchanged').length;
    await audit(trx, ctx, entries);
    const importId = await insertImportBatch(trx, {
      fileHash: extractHash(files),
      fileNames: files.map((f) => f.name),
      format: checked.format,
      referralRows: checked.referralRows,
      interventionRows: checked.interventionRows,
      created: created.length,
      updated,
      unchanged,
      actorUserId: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
      actorLabel: actorLabel(ctx.actor),
    });
    await audit(trx, ctx, [
      { action: 'extract.import', citizenId: null, entityType: 'extract_import', entityId: importId, outcome: 'allowed', detail: { created: created.length, updated, unchanged } },
    ]);
    return { importId, created: created.length, updated, unchanged };
  });
  if ('errors' in outcome) return refused(outcome.errors);
  return { outcome: 'imported', ...base, ...outcome, errors: [] };
}

/**
 * The citizen of each record, by CPR or pseudonym: found, or created without names. The
 * extract's sex and birth date win over what was stored, so a re-import finds nothing changed.
 */
async function resolveCitizens(db: Db, records: ReferralRecord[]): Promise<Map<string, string>> {
  const wanted = new Map<string, ReferralRecord>();
  for (const r of records) {
    const seen = wanted.get(r.citizen.value);
    if (!seen || r.received > seen.received) wanted.set(r.citizen.value, r);
  }
  const ids = new Map<string, string>();
  for (const found of await findCitizens(db, [...wanted.values()].map((r) => r.citizen))) {
    ids.set(found.key, found.id);
    const r = wanted.get(found.key);
    if (r && (r.sex !== found.sex || r.birthDate !== found.birthDate)) await updateCitizenFacts(db, found.id, r.sex, r.birthDate);
  }
  const fresh: NewCitizen[] = [...wanted.values()]
    .filter((r) => !ids.has(r.citizen.value))
    .map((r) => ({ id: randomUUID(), ref: r.citizen, sex: r.sex, birthDate: r.birthDate, homeMunicipality: r.homeMunicipality }));
  await insertCitizens(db, fresh);
  for (const c of fresh) ids.set(c.ref.value, c.id);
  return ids;
}

export type ExportedFile = { fileName: string; contentType: string; bytes: Uint8Array; referrals: number };

/** Every stored record, whatever its origin, in the extract format; one audit event per citizen. */
export async function exportExtract(ctx: ServiceContext, format: 'csv' | 'xlsx', table: 'referrals' | 'interventions' = 'referrals'): Promise<ExportedFile> {
  await requireExtractAccess(ctx, 'extract.export');
  const stored = await ctx.db.transaction().execute(async (trx) => {
    const all = await selectStoredReferrals(trx);
    const citizens = [...new Set(all.map((s) => s.citizenId))];
    await audit(
      trx,
      ctx,
      citizens.map((citizenId) => ({ action: 'extract.export', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed', detail: { format, table: format === 'csv' ? table : 'both' } })),
    );
    await audit(trx, ctx, [{ action: 'extract.export', citizenId: null, entityType: 'extract', outcome: 'allowed', detail: { format, referrals: all.length, citizens: citizens.length } }]);
    return all;
  });
  const tables = recordsToTables(stored.map((s) => s.record));
  const day = danishDate(ctx.clock.now());
  if (format === 'xlsx') {
    return {
      fileName: `samkraft-udtraek-${day}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: await writeExtractWorkbook(tables),
      referrals: stored.length,
    };
  }
  return { fileName: `${table}-${day}.csv`, contentType: 'text/csv; charset=utf-8', bytes: toCsv(tables[table]), referrals: stored.length };
}
