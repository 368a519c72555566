/**
 * The XLSX form of an extract: one workbook, sheets `referrals` and `interventions`. Reading
 * turns every cell into the string a CSV would have (date cells as `YYYY-MM-DD`); writing puts
 * dates in date cells. The workbook library (exceljs) is used only here.
 */
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../platform/xlsx/new-workbook.ts';
import { tableNames, type ExtractError, type ExtractTables } from './extract-format.rules.ts';
import { sheetToTable, type ExtractInput } from './extract-parse.rules.ts';

const DATE_COLUMNS = new Set([
  'birth_date',
  'received',
  'first_contact',
  'needs_assessed',
  'action_plan',
  'declined',
  'closing_conversation',
  'closing_note_sent',
  'referred',
  'provider_contact',
  'deeper_assessment',
  'start',
  'end',
]);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/** A workbook's two sheets as raw tables, or why it cannot be read. `file` names the sheet too. */
export async function readExtractWorkbook(file: string, bytes: Uint8Array): Promise<{ input: ExtractInput | null; errors: ExtractError[] }> {
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { input: null, errors: [{ file, row: 1, column: '', reason: 'unreadable_workbook', detail: 'the file is not an XLSX workbook Samkraft can read' }] };
  }
  const errors: ExtractError[] = [];
  const tables: Partial<ExtractInput> = {};
  for (const name of tableNames) {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) {
      errors.push({ file, row: 1, column: '', reason: 'missing_sheet', detail: `the workbook has no sheet named "${name}"` });
      continue;
    }
    const cells: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const values: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) values.push(cellText(row.getCell(c).value));
      cells.push(values);
    }
    const parsed = sheetToTable(`${file} › ${name}`, cells);
    errors.push(...parsed.errors);
    if (parsed.table) tables[name] = parsed.table;
  }
  if (errors.length > 0 || !tables.referrals || !tables.interventions) return { input: null, errors };
  return { input: { referrals: tables.referrals, interventions: tables.interventions }, errors: [] };
}

/** The two tables as one workbook; date columns are date cells shown as `YYYY-MM-DD`. */
export async function writeExtractWorkbook(tables: ExtractTables): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = 'Samkraft';
  for (const name of tableNames) {
    const [header = [], ...rows] = tables[name];
    const sheet = workbook.addWorksheet(name);
    sheet.columns = header.map((h) => ({ header: h, key: h, width: Math.max(12, h.length + 2), style: DATE_COLUMNS.has(h) ? { numFmt: 'yyyy-mm-dd' } : {} }));
    const isDate = header.map((h) => DATE_COLUMNS.has(h));
    const isNumber = header.map((h) => h === 'attendances');
    for (const row of rows) {
      sheet.addRow(row.map((v, i) => (v === '' ? null : isDate[i] ? new Date(`${v}T00:00:00Z`) : isNumber[i] ? Number(v) : v)));
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
