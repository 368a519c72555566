/**
 * From the bytes of CSV files (or the cells of XLSX sheets) to raw tables of strings: encoding
 * and separator detection, quoting, and which table a file is. Pure, no I/O.
 */
import { referralColumns, interventionColumns, type ExtractError, type TableName } from './extract-format.rules.ts';

export type RawRow = { row: number; cells: string[] };
/** A table as read: `row` numbers as a spreadsheet shows them (1 = the header). */
export type RawTable = { file: string; header: string[]; rows: RawRow[] };

export type ParsedFile = { table: RawTable | null; errors: ExtractError[] };

const fileError = (file: string, reason: ExtractError['reason'], detail: string, row = 1, column = ''): ExtractError => ({ file, row, column, reason, detail });

/** UTF-8 (a BOM is dropped), else Windows-1252 as Danish Excel saves "CSV (semikolonsepareret)". */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Text files have no NUL bytes and few control characters; anything else is not a CSV. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65_536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n / 100;
}

/** `;` or `,`: whichever occurs in the header outside quotes (`;` wins a tie, as Danish Excel writes it). */
export function detectSeparator(headerLine: string): ';' | ',' | null {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semi++;
    else if (!quoted && ch === ',') comma++;
  }
  if (semi === 0 && comma === 0) return null;
  return semi >= comma ? ';' : ',';
}

type CsvRecord = { line: number; cells: string[] };

/** RFC 4180 records (quotes, doubled quotes, line breaks inside quotes); `line` is where each starts. */
export function splitCsv(text: string, separator: string): { records: CsvRecord[]; unclosedAt: number | null } {
  const records: CsvRecord[] = [];
  const next = { lf: -1, cr: -1, quote: -1 };
  const after = (key: keyof typeof next, ch: string, at: number) => {
    if (next[key] !== -2 && next[key] < at) next[key] = text.indexOf(ch, at) === -1 ? -2 : text.indexOf(ch, at);
    return next[key] === -2 ? text.length : next[key];
  };
  let at = 0;
  let line = 1;
  while (at < text.length) {
    const end = Math.min(after('lf', '\n', at), after('cr', '\r', at));
    if (after('quote', '"', at) > end) {
      // Most records have no quotes: split natively, an extract has ten million characters.
      records.push({ line, cells: text.slice(at, end).split(separator) });
      at = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
      line++;
      continue;
    }
    const quoted = quotedRecord(text, at, separator.charCodeAt(0), line);
    if (quoted.unclosedAt !== null) return { records, unclosedAt: quoted.unclosedAt };
    if (quoted.cells.length > 0) records.push({ line, cells: quoted.cells });
    at = quoted.next;
    line = quoted.line;
  }
  return { records, unclosedAt: null };
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** One record with quotes in it, from `at` to its end (the line break after it, or the text's end). */
function quotedRecord(text: string, at: number, sep: number, line: number): { cells: string[]; next: number; line: number; unclosedAt: number | null } {
  const cells: string[] = [];
  let cell = ''; // the cell so far, before the unquoted run that starts at `from`
  let from = at;
  let i = at;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE && cell === '' && i === from) {
      // A quoted value: up to the next single quote mark; "" inside is one quote.
      const quoteLine = line;
      let inside = i + 1;
      for (;;) {
        const close = text.indexOf('"', inside);
        if (close < 0) return { cells, next: text.length, line, unclosedAt: quoteLine };
        for (let k = inside; k < close; k++) if (text.charCodeAt(k) === LF) line++;
        if (text.charCodeAt(close + 1) === QUOTE) {
          cell += text.slice(inside, close + 1);
          inside = close + 2;
          continue;
        }
        cell += text.slice(inside, close);
        i = close + 1;
        from = i;
        break;
      }
    } else if (ch === sep) {
      cells.push(cell + text.slice(from, i));
      cell = '';
      from = ++i;
    } else if (ch === LF || ch === CR) {
      cells.push(cell + text.slice(from, i));
      return { cells, next: ch === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1, line: line + 1, unclosedAt: null };
    } else i++;
  }
  const last = cell + text.slice(from);
  // At the end of the text, a lone empty quoted value ("") is no record.
  if (last !== '' || cells.length > 0) cells.push(last);
  return { cells, next: text.length, line: line + 1, unclosedAt: null };
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** One CSV file → a raw table, or the reasons it is not one. */
export function parseCsvFile(file: string, bytes: Uint8Array): ParsedFile {
  if (bytes.length === 0) return { table: null, errors: [fileError(file, 'empty_file', 'the file is empty')] };
  if (looksBinary(bytes)) return { table: null, errors: [fileError(file, 'binary_file', 'the file is not text (CSV) — is it a spreadsheet or another kind of file?')] };
  const text = decodeText(bytes);
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (text.trim() === '') return { table: null, errors: [fileError(file, 'empty_file', 'the file has no header row')] };
  const separator = detectSeparator(firstLine);
  if (separator === null) {
    return { table: null, errors: [fileError(file, 'no_separator', 'the header row has no ";" or "," between the column names')] };
  }
  const { records, unclosedAt } = splitCsv(text, separator);
  if (unclosedAt !== null) return { table: null, errors: [fileError(file, 'unclosed_quote', 'a quoted value is never closed', unclosedAt)] };
  const [head, ...body] = records;
  if (!head) return { table: null, errors: [fileError(file, 'empty_file', 'the file has no header row')] };
  return { table: { file, header: head.cells.map((c) => c.trim()), rows: body.filter((r) => !isBlank(r.cells)).map((r) => ({ row: r.line, cells: r.cells })) }, errors: [] };
}

/** Cells of a worksheet (already strings; dates as `YYYY-MM-DD`) → a raw table. */
export function sheetToTable(file: string, cells: string[][]): ParsedFile {
  const [head, ...body] = cells;
  if (!head || isBlank(head)) return { table: null, errors: [fileError(file, 'empty_file', 'the sheet has no header row')] };
  let last = head.length;
  while (last > 0 && (head[last - 1] ?? '').trim() === '') last--;
  const rows = body
    .map((c, i) => ({ row: i + 2, cells: c }))
    .filter((r) => !isBlank(r.cells))
    // A sheet row ends at its last non-empty cell: pad it to the header, trim empty cells beyond it.
    .map((r) => ({ row: r.row, cells: r.cells.length > last && isBlank(r.cells.slice(last)) ? r.cells.slice(0, last) : [...r.cells, ...Array<string>(Math.max(0, last - r.cells.length)).fill('')] }));
  return { table: { file, header: head.slice(0, last).map((c) => c.trim()), rows }, errors: [] };
}

/** Which table a file holds: by its columns (`received` / `intervention`), else by its name. */
export function tableOf(table: RawTable): TableName | null {
  const has = (c: string) => table.header.includes(c);
  if (has('received') && !has('intervention')) return 'referrals';
  if (has('intervention') && !has('received')) return 'interventions';
  const name = table.file.toLowerCase();
  if (name.includes('referral') || name.includes('henvis')) return 'referrals';
  if (name.includes('intervention') || name.includes('indsats')) return 'interventions';
  const score = (cols: readonly string[]) => table.header.filter((h) => cols.includes(h)).length;
  const r = score(referralColumns);
  const i = score(interventionColumns);
  return r > i ? 'referrals' : i > r ? 'interventions' : null;
}

export type ExtractInput = { referrals: RawTable; interventions: RawTable };

/** Assigns two parsed CSV tables to `referrals` and `interventions`, whatever order they came in. */
export function assignTables(tables: RawTable[]): { input: ExtractInput | null; errors: ExtractError[] } {
  const errors: ExtractError[] = [];
  const found: Partial<Record<TableName, RawTable>> = {};
  for (const t of tables) {
    const name = tableOf(t);
    if (name === null) {
      errors.push(fileError(t.file, 'unknown_table', 'cannot tell whether this is the referrals or the interventions table'));
      continue;
    }
    const other = found[name];
    if (other) {
      errors.push(fileError(t.file, 'duplicate_table', `a second ${name} table (the first is ${other.file})`));
      continue;
    }
    found[name] = t;
  }
  if (errors.length > 0) return { input: null, errors };
  if (!found.referrals || !found.interventions) {
    const missing: TableName = found.referrals ? 'interventions' : 'referrals';
    const present = found.referrals ?? found.interventions;
    return { input: null, errors: [fileError(present?.file ?? '', 'missing_table', `the ${missing} table is missing: give both files`)] };
  }
  return { input: { referrals: found.referrals, interventions: found.interventions }, errors: [] };
}
