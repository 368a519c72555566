import { describe, expect, it } from 'vitest';
import type { DashboardTable } from './dashboard.ts';
import { balanceChart, chartDrill, flowsChart, indicatorsChart, referralsChart, seriesCount, teamsChart, waitingChart } from './dashboard-charts.ts';

const table = (id: DashboardTable['id'], columns: [string, string, 'count' | 'share' | 'decimal'][], rows: [string, string, (number | null)[], boolean[]?, boolean?][]): DashboardTable => ({
  id,
  title: id,
  rowHeader: '',
  columns: columns.map(([key, label, format]) => ({ key, label, format })),
  rows: rows.map(([key, label, cells, suppressed, total]) => ({ key, label, cells, suppressed: suppressed ?? cells.map(() => false), total: total ?? false, note: null })),
  notes: [],
});

type Series = { type: string; name: string; data: unknown[]; stack?: string; markLine?: { data: { yAxis: number }[] } };
const seriesOf = (o: Record<string, unknown>) => o['series'] as Series[];

describe('referralsChart', () => {
  const t = table('referrals', [['0151', 'Ballerup', 'count'], ['0159', 'Gladsaxe', 'count'], ['total', 'I alt', 'count']], [
    ['2017-1', '1. halvår 2017', [3, null, 3], [false, true, false]],
    ['2017-2', '2. halvår 2017', [1, 2, 3]],
    ['total', 'I alt', [4, 2, 6], undefined, true],
  ]);
  it('stacks one series per municipality over the half-years, a hidden number a gap, totals left out', () => {
    const o = referralsChart(t);
    expect(seriesOf(o).map((s) => [s.name, s.stack, s.data])).toEqual([
      ['Ballerup', 'referrals', [3, 1]],
      ['Gladsaxe', 'referrals', [null, 2]],
    ]);
    expect((o['xAxis'] as { data: string[] }).data).toEqual(['1. halvår 2017', '2. halvår 2017']);
    expect(o['aria']).toEqual({ enabled: true, label: { enabled: false }, decal: { show: true } });
  });
  it('drills a bar into its half-year row', () => {
    expect(chartDrill('referrals', t, { dataIndex: 1 })).toEqual({ kind: 'row', key: '2017-2' });
    expect(chartDrill('referrals', t, { dataIndex: 2 })).toBeNull();
    expect(chartDrill('referrals', t, {})).toBeNull();
  });
});

describe('flowsChart', () => {
  const t = table('flows', [['0151', 'Ballerup', 'count'], ['0159', 'Gladsaxe', 'count'], ['total', 'I alt', 'count']], [
    ['0151', 'Ballerup', [0, 1, 1]],
    ['0159', 'Gladsaxe', [2, null, 2], [false, true, false]],
    ['total', 'I alt', [2, 1, 3], undefined, true],
  ]);
  it('links home nodes to provider nodes by the non-zero shown cells', () => {
    const [sankey] = seriesOf(flowsChart(t)) as unknown as { links: { source: string; target: string; value: number; rowKey: string }[]; data: { name: string }[] }[];
    expect(sankey?.links).toEqual([
      { source: 'Ballerup (hjem)', target: 'Gladsaxe (udfører)', value: 1, rowKey: '0151' },
      { source: 'Gladsaxe (hjem)', target: 'Ballerup (udfører)', value: 2, rowKey: '0159' },
    ]);
    expect(sankey?.data.map((n) => n.name)).toEqual(['Ballerup (hjem)', 'Gladsaxe (hjem)', 'Ballerup (udfører)', 'Gladsaxe (udfører)']);
  });
  it('drills a link or home node into its home row, a provider node into its column', () => {
    expect(chartDrill('flows', t, { data: { rowKey: '0159' } })).toEqual({ kind: 'row', key: '0159' });
    const [sankey] = seriesOf(flowsChart(t)) as unknown as { data: { name: string }[] }[];
    const provider = sankey?.data.find((n) => n.name === 'Gladsaxe (udfører)');
    expect(chartDrill('flows', t, { data: provider, dataType: 'node' })).toEqual({ kind: 'column', key: '0159' });
    expect(chartDrill('flows', t, { data: { rowKey: null } })).toBeNull();
  });
});

describe('indicatorsChart', () => {
  it('draws shares as lines with their targets and counts as bars on a second axis', () => {
    const t = table('indicators', [['i1', '1.', 'count'], ['i2', '2.', 'share']], [['2017-1', '1. halvår 2017', [10, 0.8]], ['2017-2', '2. halvår 2017', [12, 0.95]]]);
    const s = seriesOf(indicatorsChart(t, [{ column: 'i2', value: 0.9 }]));
    expect(s.map((x) => x.type)).toEqual(['bar', 'line']);
    expect(s[1]?.markLine?.data).toEqual([{ yAxis: 0.9 }]);
    expect(s[1]?.data).toEqual([0.8, 0.95]);
  });
  it('draws a target shared by two indicators once', () => {
    const t = table('indicators', [['i4', '4.', 'share'], ['i5', '5.', 'share']], [['2017-1', '1. halvår 2017', [0.6, 0.7]]]);
    const s = seriesOf(indicatorsChart(t, [{ column: 'i4', value: 0.5 }, { column: 'i5', value: 0.5 }]));
    expect(s.map((x) => x.markLine?.data ?? null)).toEqual([[{ yAxis: 0.5 }], null]);
  });
});

describe('the bar panels', () => {
  it('waiting: median and mean per intervention', () => {
    const t = table('waiting', [['started', 'Startet', 'count'], ['median', 'Median', 'decimal'], ['mean', 'Gns.', 'decimal'], ['p90', 'p90', 'decimal']], [['a', 'A', [5, 7, 8, 12]]]);
    expect(seriesOf(waitingChart(t)).map((x) => x.data)).toEqual([[7], [8]]);
  });
  it('teams: enrolled and free stacked as the seats, waiting beside', () => {
    const t = table('teams', [['teams', 'Hold', 'count'], ['seats', 'Pladser', 'count'], ['enrolled', 'Optaget', 'count'], ['free', 'Ledige', 'count'], ['waiting', 'Venter', 'count']], [['0151', 'Ballerup', [1, 12, 10, 2, 3]]]);
    const o = teamsChart(t);
    expect(seriesOf(o).map((x) => [x.name, x.stack ?? null, x.data])).toEqual([['Optaget', 'seats', [10]], ['Ledige pladser', 'seats', [2]], ['På venteliste', null, [3]]]);
    expect(seriesCount(o)).toBe(3);
  });
  it('balance: delivered, received and net on an axis named by the unit', () => {
    const t = table('balance', [['delivered', 'L', 'count'], ['received', 'M', 'count'], ['net', 'N', 'count']], [['0151', 'Ballerup', [10, 4, 6]]]);
    const o = balanceChart(t, 'enheder (fremmøder)');
    expect(seriesOf(o).map((x) => x.data)).toEqual([[10], [4], [6]]);
    expect((o['xAxis'] as { name: string }).name).toBe('enheder (fremmøder)');
  });
});
