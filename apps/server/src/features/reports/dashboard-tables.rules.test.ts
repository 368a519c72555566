import { describe, expect, it } from 'vitest';
import { balanceRows, balanceTable, referralsTable, teamsTable, waitingTable } from './dashboard-tables.rules.ts';

const municipalities = [{ code: '0159', name: 'Gladsaxe' }, { code: '0151', name: 'Ballerup' }];

describe('referralsTable', () => {
  it('puts each half-year of the period in a row and each municipality, by name, in a column, with totals', () => {
    const t = referralsTable({ from: '2017-01-01', to: '2017-12-31' }, municipalities, [{ home: '0151', bucket: '2017-1', referred: 7 }, { home: '0159', bucket: '2017-2', referred: 9 }, { home: '0159', bucket: '2017-1', referred: 1 }], false);
    expect(t.id).toBe('referrals');
    expect(t.columns.map((c) => c.label)).toEqual(['Ballerup', 'Gladsaxe', 'I alt']);
    expect(t.rows.map((r) => [r.key, r.cells])).toEqual([['2017-1', [7, 1, 8]], ['2017-2', [0, 9, 9]], ['total', [7, 10, 17]]]);
  });
  it('hides small numbers and enough others that no total gives them away', () => {
    const t = referralsTable({ from: '2017-01-01', to: '2017-12-31' }, municipalities, [{ home: '0151', bucket: '2017-1', referred: 7 }, { home: '0159', bucket: '2017-2', referred: 9 }, { home: '0159', bucket: '2017-1', referred: 1 }], true);
    const hidden = t.rows.flatMap((r, i) => r.suppressed.map((s, j) => (s ? `${i}:${j}` : null))).filter((x) => x !== null);
    expect(hidden).toContain('0:1');
    for (const r of t.rows) expect(r.suppressed.filter(Boolean).length).not.toBe(1);
  });
});

describe('waitingTable', () => {
  it('rounds the days to one decimal and hides the statistics of fewer than five starts with their count', () => {
    const records = [{ intervention: 'b', interventionName: 'B', started: 3, median: 4, mean: 4.333, p90: 6 }, { intervention: 'a', interventionName: 'A', started: 8, median: 10.25, mean: 11.04, p90: 20 }];
    expect(waitingTable(records, false).rows.map((r) => r.cells)).toEqual([[8, 10.3, 11, 20], [3, 4, 4.3, 6]]);
    expect(waitingTable(records, true).rows.map((r) => r.cells)).toEqual([[8, 10.3, 11, 20], [null, null, null, null]]);
  });
});

describe('teamsTable', () => {
  it('gives free seats and utilisation, and hides enrolled with what would reveal it', () => {
    const t = teamsTable([{ host: '0151', teams: 2, seats: 24, enrolled: 3, waiting: 7 }], (c) => (c === '0151' ? 'Ballerup' : c), '2026-12-06', false);
    expect(t.rows[0]?.cells).toEqual([2, 24, 3, 21, 7, 3 / 24]);
    const s = teamsTable([{ host: '0151', teams: 2, seats: 24, enrolled: 3, waiting: 7 }], () => 'Ballerup', '2026-12-06', true);
    expect(s.rows[0]?.cells).toEqual([2, 24, null, null, 7, null]);
  });
});

describe('balance', () => {
  it('nets delivered against received per municipality, zero where nothing moved', () => {
    const rows = balanceRows([{ municipality: '0151', delivered: 30, received: 12 }], municipalities, false);
    expect(rows.map((r) => [r.municipality.name, r.delivered, r.received, r.net])).toEqual([['Ballerup', 30, 12, 18], ['Gladsaxe', 0, 0, 0]]);
    const t = balanceTable(rows, 'sessions');
    expect(t.title).toBe('Mellemkommunal balance i enheder (fremmøder)');
    expect(t.notes[0]).toMatch(/ikke kroner/);
  });
  it('hides a small count with the net', () => {
    const [r] = balanceRows([{ municipality: '0151', delivered: 30, received: 2 }], [{ code: '0151', name: 'Ballerup' }], true);
    expect(r).toMatchObject({ delivered: 30, received: null, net: null });
  });
});
