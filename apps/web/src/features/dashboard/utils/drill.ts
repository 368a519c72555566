import type { DashboardPanelId, DashboardTable } from '@samkraft/contracts/dashboard';
import type { ChartDrill } from '@samkraft/contracts/dashboard-charts';

/** One category of a chart a user can drill into, as a select offers it. */
export type DrillOption = { value: string; label: string; drill: ChartDrill };

/** How the Sankey names its nodes ("Ballerup (hjem)", "Gladsaxe (udfører)"), so the choices match the chart. */
export type DrillNames = { home: string; provider: string };

/** A drill as a select's value ("row:0151", "column:0159"); `drillOfValue` reads it back. */
export const drillValue = (d: ChartDrill): string => `${d.kind}:${d.key}`;

export function drillOfValue(value: string): ChartDrill | null {
  const at = value.indexOf(':');
  if (at < 0) return null;
  const kind = value.slice(0, at);
  const key = value.slice(at + 1);
  return (kind === 'row' || kind === 'column') && key !== '' ? { kind, key } : null;
}

const isCountedIn = (cell: number | null | undefined, suppressed: boolean | undefined): boolean =>
  // A hidden number may be a flow: it stays, shown as "..", rather than the filter telling it apart from a zero.
  suppressed === true || (cell ?? 0) > 0;

/**
 * The panel's table narrowed to a drill, as a click on the chart opens it: a row drill keeps that
 * row; a column drill (a Sankey provider) keeps that column and the rows with a flow into it, and
 * the total row, which then is the provider's total. No drill: the whole table.
 */
export function drilledTable(table: DashboardTable, drill: ChartDrill | null): DashboardTable {
  if (drill === null) return table;
  if (drill.kind === 'row') return { ...table, rows: table.rows.filter((r) => r.key === drill.key) };
  const j = table.columns.findIndex((c) => c.key === drill.key);
  const column = table.columns[j];
  if (!column) return { ...table, rows: [] };
  return {
    ...table,
    columns: [column],
    rows: table.rows
      .filter((r) => r.total || isCountedIn(r.cells[j], r.suppressed[j]))
      .map((r) => ({ ...r, cells: [r.cells[j] ?? null], suppressed: [r.suppressed[j] === true] })),
  };
}

/**
 * The categories of a panel's chart: its body rows (half-years, municipalities, interventions); the
 * Sankey's home municipalities and, as columns, the providers that receive a flow.
 */
export function drillOptions(panel: DashboardPanelId, table: DashboardTable, names: DrillNames): { rows: DrillOption[]; columns: DrillOption[] } {
  const flows = panel === 'flows';
  const rows = table.rows
    .filter((r) => !r.total)
    .map((r): DrillOption => {
      const drill: ChartDrill = { kind: 'row', key: r.key };
      return { value: drillValue(drill), label: flows ? `${r.label} (${names.home})` : r.label, drill };
    });
  if (!flows) return { rows, columns: [] };
  const columns = table.columns
    .filter((c) => c.key !== 'total')
    .map((c): DrillOption => {
      const drill: ChartDrill = { kind: 'column', key: c.key };
      return { value: drillValue(drill), label: `${c.label} (${names.provider})`, drill };
    })
    .filter((o) => drilledTable(table, o.drill).rows.some((r) => !r.total));
  return { rows, columns };
}

/** The name of a drill as its option says it; null when the table has no such category (any more). */
export function drillLabel(panel: DashboardPanelId, table: DashboardTable, drill: ChartDrill, names: DrillNames): string | null {
  const { rows, columns } = drillOptions(panel, table, names);
  const value = drillValue(drill);
  return [...rows, ...columns].find((o) => o.value === value)?.label ?? null;
}
