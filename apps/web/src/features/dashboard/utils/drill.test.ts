import type { DashboardTable } from '@samkraft/contracts/dashboard';
import { describe, expect, it } from 'vitest';
import { drilledTable, drillLabel, drillOfValue, drillOptions, drillValue } from './drill.ts';

const names = { home: 'hjem', provider: 'udfører' };

const aTable = (columns: [string, string][], rows: [string, string, (number | null)[], boolean[]?, boolean?][]): DashboardTable => ({
  id: 'flows',
  title: 'Flows',
  rowHeader: 'Hjemkommune',
  columns: columns.map(([key, label]) => ({ key, label, format: 'count' as const })),
  rows: rows.map(([key, label, cells, suppressed, total]) => ({ key, label, cells, suppressed: suppressed ?? cells.map(() => false), total: total ?? false, note: null })),
  notes: [],
});

// Ballerup sends 3 to Gladsaxe; Gladsaxe 2 to Ballerup and a hidden number to Herlev; no one sends to Furesø.
const flows = aTable(
  [['0151', 'Ballerup'], ['0159', 'Gladsaxe'], ['0163', 'Herlev'], ['0190', 'Furesø'], ['total', 'I alt']],
  [
    ['0151', 'Ballerup', [0, 3, 0, 0, 3]],
    ['0159', 'Gladsaxe', [2, 0, null, 0, null], [false, false, true, false, true]],
    ['total', 'I alt', [2, 3, null, 0, null], [false, false, true, false, true], true],
  ],
);

describe('drilledTable', () => {
  it('keeps only the chosen row', () => {
    const t = drilledTable(flows, { kind: 'row', key: '0159' });
    expect(t.rows.map((r) => r.label)).toEqual(['Gladsaxe']);
    expect(t.columns).toEqual(flows.columns);
  });
  it("keeps a provider's column and the rows with a flow into it, and the total", () => {
    const t = drilledTable(flows, { kind: 'column', key: '0159' });
    expect(t.columns.map((c) => c.label)).toEqual(['Gladsaxe']);
    expect(t.rows.map((r) => [r.label, r.cells, r.total])).toEqual([
      ['Ballerup', [3], false],
      ['I alt', [3], true],
    ]);
  });
  it('keeps a hidden number, which may be a flow, still hidden', () => {
    const t = drilledTable(flows, { kind: 'column', key: '0163' });
    expect(t.rows.map((r) => [r.label, r.cells, r.suppressed])).toEqual([
      ['Gladsaxe', [null], [true]],
      ['I alt', [null], [true]],
    ]);
  });
  it('is the whole table without a drill, and empty for a category that is not there', () => {
    expect(drilledTable(flows, null)).toBe(flows);
    expect(drilledTable(flows, { kind: 'row', key: '0999' }).rows).toEqual([]);
    expect(drilledTable(flows, { kind: 'column', key: '0999' }).rows).toEqual([]);
  });
});

describe('drillOptions', () => {
  it("offers the Sankey's home municipalities and the providers that receive a flow, named as its nodes", () => {
    const { rows, columns } = drillOptions('flows', flows, names);
    expect(rows.map((o) => [o.value, o.label])).toEqual([
      ['row:0151', 'Ballerup (hjem)'],
      ['row:0159', 'Gladsaxe (hjem)'],
    ]);
    expect(columns.map((o) => [o.value, o.label])).toEqual([
      ['column:0151', 'Ballerup (udfører)'],
      ['column:0159', 'Gladsaxe (udfører)'],
      ['column:0163', 'Herlev (udfører)'],
    ]);
  });
  it("offers another chart's body rows by their own labels, no columns", () => {
    const teams = aTable([['enrolled', 'Optaget']], [['0151', 'Ballerup', [4]], ['0159', 'Gladsaxe', [6]], ['total', 'I alt', [10], undefined, true]]);
    const { rows, columns } = drillOptions('teams', teams, names);
    expect(rows.map((o) => o.label)).toEqual(['Ballerup', 'Gladsaxe']);
    expect(columns).toEqual([]);
    expect(drillLabel('teams', teams, { kind: 'row', key: '0159' }, names)).toBe('Gladsaxe');
    expect(drillLabel('teams', teams, { kind: 'row', key: 'total' }, names)).toBeNull();
  });
});

describe('drillValue', () => {
  it('reads back what it writes, and nothing else', () => {
    expect(drillOfValue(drillValue({ kind: 'column', key: '0159' }))).toEqual({ kind: 'column', key: '0159' });
    expect(drillOfValue('row:2017-1')).toEqual({ kind: 'row', key: '2017-1' });
    expect(drillOfValue('')).toBeNull();
    expect(drillOfValue('cell:0151')).toBeNull();
    expect(drillOfValue('row:')).toBeNull();
  });
});
