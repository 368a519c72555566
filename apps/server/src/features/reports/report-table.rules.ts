import type { ReportColumn, ReportRow, ReportTable, ReportTableId } from '@samkraft/contracts/reports';
import type { Period } from './report-period.rules.ts';
import { crossTableLines, isSmall, suppressCells, type Cell } from './suppression.rules.ts';

/** Building blocks shared by the report's tables. */

export type Municipality = { code: string; name: string };

export const col = (key: string, label: string, format: ReportColumn['format'] = 'count'): ReportColumn => ({ key, label, format });

export function row(key: string, label: string, cells: (number | null)[], o: { total?: boolean; note?: string | null } = {}): ReportRow {
  return { key, label, total: o.total ?? false, cells, suppressed: cells.map(() => false), note: o.note ?? null };
}

export function table(id: ReportTableId, title: string, rowHeader: string, columns: ReportColumn[], rows: ReportRow[], notes: string[] = []): ReportTable {
  return { id, title, rowHeader, columns, rows, notes };
}

export const SUPPRESSION_NOTE = 'Tal under 5 er skjult (..), og så mange andre tal, at ingen total afslører et skjult tal.';

/** Hides the given cells: their value becomes null and they are flagged. */
export function hide(t: ReportTable, mask: readonly (readonly boolean[])[]): ReportTable {
  const rows = t.rows.map((r, i) => {
    const m = mask[i] ?? [];
    return { ...r, cells: r.cells.map((v, j) => (m[j] ? null : v)), suppressed: r.suppressed.map((s, j) => s || m[j] === true) };
  });
  return { ...t, rows, notes: t.notes.includes(SUPPRESSION_NOTE) ? t.notes : [...t.notes, SUPPRESSION_NOTE] };
}

const valuesOf = (t: ReportTable, columns: readonly number[]): number[][] => t.rows.map((r) => columns.map((c) => r.cells[c] ?? 0));

/** Primary suppression only: for values that do not add up to a published total. */
export function suppressSmall(t: ReportTable, columns: readonly number[] = t.columns.map((_, i) => i)): ReportTable {
  const mask = t.rows.map((r) => r.cells.map((v, j) => columns.includes(j) && v !== null && isSmall(v)));
  return hide(t, mask);
}

/**
 * Complementary suppression of a table whose rows are parts with a total row last, and whose
 * count columns (`columns`) are parts with a total column last.
 */
export function suppressCross(t: ReportTable, columns: readonly number[]): ReportTable {
  const values = valuesOf(t, columns);
  const { lines, totals } = crossTableLines(t.rows.length - 1, columns.length - 1);
  return hide(t, expand(t, columns, suppressCells(values, lines, totals)));
}

/** Complementary suppression with explicit lines over the given count columns. */
export function suppressLines(t: ReportTable, columns: readonly number[], lines: readonly (readonly Cell[])[], totals: readonly Cell[]): ReportTable {
  return hide(t, expand(t, columns, suppressCells(valuesOf(t, columns), lines, totals)));
}

function expand(t: ReportTable, columns: readonly number[], mask: boolean[][]): boolean[][] {
  return t.rows.map((r, i) => r.cells.map((_, j) => {
    const k = columns.indexOf(j);
    return k >= 0 && mask[i]?.[k] === true;
  }));
}

const DA_DATE = (d: string): string => `${Number(d.slice(8, 10))}.${Number(d.slice(5, 7))}.${d.slice(0, 4)}`;

/** "2017", "1. halvår 2017", "3. kvt. 2017" or "1.2.2017–15.3.2017". */
export function periodLabel(p: Period): string {
  const y = p.from.slice(0, 4);
  if (p.to.slice(0, 4) === y) {
    const span = `${p.from.slice(5)}/${p.to.slice(5)}`;
    if (span === '01-01/12-31') return y;
    if (span === '01-01/06-30') return `1. halvår ${y}`;
    if (span === '07-01/12-31') return `2. halvår ${y}`;
    const quarters: Record<string, number> = { '01-01/03-31': 1, '04-01/06-30': 2, '07-01/09-30': 3, '10-01/12-31': 4 };
    if (quarters[span]) return `${quarters[span]}. kvt. ${y}`;
  }
  return `${DA_DATE(p.from)}–${DA_DATE(p.to)}`;
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function byName<T extends Municipality>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.name.localeCompare(b.name, 'da') || a.code.localeCompare(b.code));
}
