/**
 * The CLI's extract commands (see cli.ts): they run the same services as the API, as the named
 * system actor `extract-cli`, so every import and export is audited like anyone else's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { exportExtract, importExtract } from './extract.service.ts';

export const EXTRACT_CLI_ACTOR = { kind: 'system', name: 'extract-cli' } as const;

export class ExtractCliError extends Error {}

const context = (db: Db): ServiceContext => ({ db, actor: EXTRACT_CLI_ACTOR, clock: systemClock });

/** `import-extract <referrals.csv> <interventions.csv>` or `import-extract <file.xlsx>`; returns the lines to print. */
export async function importExtractCommand(db: Db, args: string[]): Promise<{ ok: boolean; lines: string[] }> {
  if (args.length < 1 || args.length > 2) throw new ExtractCliError('import-extract takes two CSV files (referrals and interventions) or one XLSX file');
  const files = args.map((file) => {
    if (!fs.existsSync(file)) throw new ExtractCliError(`no such file: ${file}`);
    return { name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) };
  });
  const result = await importExtract(context(db), files);
  if (result.outcome === 'refused') {
    return {
      ok: false,
      lines: [
        `refused: nothing was stored (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})`,
        ...result.errors.map((e) => `${e.file}\trow ${e.row}\t${e.column || '-'}\t${e.reason}\t${e.detail}`),
      ],
    };
  }
  return {
    ok: true,
    lines: [`imported ${result.referralRows} referrals and ${result.interventionRows} interventions: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged`],
  };
}

/**
 * `export-extract --out <dir|file.xlsx> --purpose "<why>" [--format csv|xlsx] [--pseudonymise]`;
 * returns the files written. Every municipality's records (the installation's operator).
 */
export async function exportExtractCommand(db: Db, args: string[]): Promise<string[]> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, format: { type: 'string' }, purpose: { type: 'string' }, pseudonymise: { type: 'boolean' } } });
  const out = values.out;
  if (!out) throw new ExtractCliError('export-extract needs --out <folder> (CSV) or --out <file.xlsx>');
  const purpose = values.purpose?.trim() ?? '';
  if (purpose.length < 5) throw new ExtractCliError('export-extract needs --purpose "<why the records leave Samkraft>" (kept in the audit log)');
  const scope = values.pseudonymise ? 'collaboration' : 'municipality';
  const format = values.format ?? (out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
  if (format !== 'csv' && format !== 'xlsx') throw new ExtractCliError('--format is csv or xlsx');
  const ctx = context(db);
  if (format === 'xlsx') {
    const file = await exportExtract(ctx, { format: 'xlsx', scope, purpose });
    const target = out.toLowerCase().endsWith('.xlsx') ? out : path.join(out, file.fileName);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.bytes);
    return [target];
  }
  fs.mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const table of ['referrals', 'interventions'] as const) {
    const file = await exportExtract(ctx, { format: 'csv', table, scope, purpose });
    const target = path.join(out, `${table}.csv`);
    fs.writeFileSync(target, file.bytes);
    written.push(target);
  }
  return written;
}
