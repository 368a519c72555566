import type { DashboardPanelId, DashboardTable, IndicatorTarget } from './dashboard.ts';

/**
 * The dashboard's charts as ECharts options, built from the panels' tables: one pure builder the
 * web (canvas-free SVG in the browser) and the report PDF (ECharts' server-side SVG) both use, so
 * the charts are the same. No ECharts import here: an option is plain data.
 *
 * Accessibility: every series also has a decal pattern (ECharts' aria decal), so no chart relies on
 * colour alone; the palette's colours each have at least 3:1 contrast on white. A hidden number
 * (small-number suppression) is a gap, never a zero.
 */

export type ChartOption = Record<string, unknown>;

/** The texts a chart needs beyond the table's own labels (Danish by default, as the server's tables). */
export type ChartTexts = {
  referrals: string;
  days: string;
  share: string;
  count: string;
  target: string;
  median: string;
  mean: string;
  enrolled: string;
  free: string;
  waiting: string;
  delivered: string;
  received: string;
  net: string;
  home: string;
  provider: string;
};

export const danishChartTexts: ChartTexts = {
  referrals: 'Henvisninger',
  days: 'Dage',
  share: 'Andel',
  count: 'Antal',
  target: 'Mål',
  median: 'Median',
  mean: 'Gennemsnit',
  enrolled: 'Optaget',
  free: 'Ledige pladser',
  waiting: 'På venteliste',
  delivered: 'Leveret til andre kommuner',
  received: 'Modtaget fra andre kommuner',
  net: 'Netto',
  home: 'hjem',
  provider: 'udfører',
};

/** Dark enough for graphics on white (WCAG 1.4.11, at least 3:1 each). */
export const CHART_PALETTE = ['#1f5f99', '#b5470b', '#2e7d32', '#7b1fa2', '#a4262c', '#00796b', '#5c4d00', '#3f51b5', '#6d4c41', '#37474f'];

/** `fontFamily`: the PDF sets its charts in its own embedded font. */
export type ChartOptions = { animation?: boolean; fontFamily?: string };

const base = (o: ChartOptions): ChartOption => ({
  animation: o.animation ?? false,
  color: CHART_PALETTE,
  // The decal patterns only: the container is named by the page's caption, its table is the text alternative.
  aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
  textStyle: { fontFamily: o.fontFamily ?? 'IBM Plex Sans, DejaVu Sans, sans-serif', color: '#1b1b1b' },
  tooltip: { trigger: 'item' },
});

const bodyRows = (t: DashboardTable) => t.rows.filter((r) => !r.total);
const columnIndex = (t: DashboardTable, key: string) => t.columns.findIndex((c) => c.key === key);
/** A table cell for a chart: null when hidden or empty, so the chart leaves a gap. */
const cellOf = (t: DashboardTable, rowIndex: number, column: number): number | null => {
  const r = t.rows[rowIndex];
  if (!r || r.suppressed[column]) return null;
  return r.cells[column] ?? null;
};

const legend = { type: 'scroll', bottom: 0, textStyle: { color: '#1b1b1b' } };
const categoryAxis = (labels: string[], o: Record<string, unknown> = {}) => ({ type: 'category', data: labels, axisLabel: { color: '#3b3b3b', interval: 0, hideOverlap: true }, ...o });
const valueAxis = (name: string, o: Record<string, unknown> = {}) => ({ type: 'value', name, nameTextStyle: { color: '#3b3b3b' }, axisLabel: { color: '#3b3b3b' }, ...o });
/** A horizontal chart's value axis: its name centred under the numbers, where it has room. */
const bottomAxis = (name: string, o: Record<string, unknown> = {}) => valueAxis(name, { nameLocation: 'middle', nameGap: 28, ...o });
// ECharts 6 keeps the axis labels inside the grid's outer bounds by itself (outerBoundsMode 'auto').
const grid = { left: 56, right: 56, top: 40, bottom: 64 };

/** Referrals per half-year, a stacked bar per home municipality (the table's columns but the total). */
export function referralsChart(t: DashboardTable, texts: ChartTexts = danishChartTexts, o: ChartOptions = {}): ChartOption {
  const rows = t.rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.total);
  const series = t.columns
    .map((c, j) => ({ c, j }))
    .filter(({ c }) => c.key !== 'total')
    .map(({ c, j }) => ({ type: 'bar', name: c.label, stack: 'referrals', data: rows.map(({ i }) => cellOf(t, i, j)) }));
  return {
    ...base(o),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend,
    grid,
    xAxis: categoryAxis(rows.map(({ r }) => r.label)),
    yAxis: valueAxis(texts.referrals, { minInterval: 1 }),
    series,
  };
}

/**
 * The flows between municipalities as a Sankey: home municipalities on the left, providers on the
 * right (separate nodes, so a municipality's own offerings are a link, not a cycle).
 */
export function flowsChart(t: DashboardTable, texts: ChartTexts = danishChartTexts, o: ChartOptions = {}): ChartOption {
  const homes = t.rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.total);
  const providers = t.columns.map((c, j) => ({ c, j })).filter(({ c }) => c.key !== 'total');
  const links = homes.flatMap(({ r, i }) =>
    providers.flatMap(({ c, j }) => {
      const v = cellOf(t, i, j);
      return v !== null && v > 0 ? [{ source: `${r.label} (${texts.home})`, target: `${c.label} (${texts.provider})`, value: v, rowKey: r.key }] : [];
    }),
  );
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodes = [
    ...homes.map(({ r }) => ({ name: `${r.label} (${texts.home})`, rowKey: r.key })),
    ...providers.map(({ c }) => ({ name: `${c.label} (${texts.provider})`, rowKey: null, columnKey: c.key })),
  ].filter((n) => used.has(n.name));
  return {
    ...base(o),
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'sankey',
        name: t.title,
        left: 8,
        right: 160,
        top: 16,
        bottom: 16,
        nodeAlign: 'justify',
        emphasis: { focus: 'adjacency' },
        label: { color: '#1b1b1b' },
        lineStyle: { color: 'gradient', opacity: 0.45 },
        data: nodes,
        links,
      },
    ],
  };
}

/** Shares (2, 4, 5) as lines on a 0–100 % axis with their targets dashed; counts (1, 3) as bars. */
export function indicatorsChart(t: DashboardTable, targets: readonly IndicatorTarget[], texts: ChartTexts = danishChartTexts, o: ChartOptions = {}): ChartOption {
  const rows = t.rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.total);
  const labels = rows.map(({ r }) => r.label);
  // One target line per value, on the first indicator that has it (4 and 5 share "most").
  const drawn = new Set<number>();
  const series = t.columns.map((c, j) => {
    const data = rows.map(({ i }) => cellOf(t, i, j));
    if (c.format !== 'share') return { type: 'bar', name: c.label, yAxisIndex: 1, data, barMaxWidth: 24 };
    const found = targets.find((x) => x.column === c.key);
    const target = found && !drawn.has(found.value) ? found : undefined;
    if (target) drawn.add(target.value);
    return {
      type: 'line',
      name: c.label,
      yAxisIndex: 0,
      data,
      symbolSize: 8,
      connectNulls: false,
      ...(target
        ? { markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', width: 2 }, label: { formatter: `${texts.target} ${Math.round(target.value * 100)} %`, color: '#1b1b1b', position: 'insideEndTop' }, data: [{ yAxis: target.value }] } }
        : {}),
    };
  });
  return {
    ...base(o),
    tooltip: { trigger: 'axis' },
    // The indicators' names are long: a legend that wraps instead of scrolling.
    legend: { ...legend, type: 'plain' },
    grid: { ...grid, bottom: 140 },
    xAxis: categoryAxis(labels),
    yAxis: [
      valueAxis(texts.share, { min: 0, max: 1, axisLabel: { color: '#3b3b3b', formatter: (v: number) => `${Math.round(v * 100)} %` } }),
      valueAxis(texts.count, { minInterval: 1, splitLine: { show: false } }),
    ],
    series,
  };
}

function horizontalBars(t: DashboardTable, columns: { key: string; name: string; stack?: string }[], axisName: string, o: ChartOptions): ChartOption {
  const rows = t.rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.total);
  return {
    ...base(o),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend,
    grid: { ...grid, left: 8 },
    yAxis: categoryAxis(rows.map(({ r }) => r.label), { inverse: true, axisLabel: { color: '#3b3b3b', width: 220, overflow: 'truncate', interval: 0 } }),
    xAxis: bottomAxis(axisName, { minInterval: 1 }),
    series: columns.map((c) => {
      const j = columnIndex(t, c.key);
      return { type: 'bar', name: c.name, ...(c.stack ? { stack: c.stack } : {}), data: rows.map(({ i }) => (j < 0 ? null : cellOf(t, i, j))), barMaxWidth: 18 };
    }),
  };
}

/** Median and mean days from referral to start, per intervention. */
export function waitingChart(t: DashboardTable, texts: ChartTexts = danishChartTexts, o: ChartOptions = {}): ChartOption {
  return horizontalBars(t, [{ key: 'median', name: texts.median }, { key: 'mean', name: texts.mean }], texts.days, o);
}

/** Seats of the running teams (enrolled + free, stacked) and the waiting list, per hosting municipality. */
export function teamsChart(t: DashboardTable, texts: ChartTexts = danishChartTexts, o: ChartOptions = {}): ChartOption {
  return horizontalBars(t, [{ key: 'enrolled', name: texts.enrolled, stack: 'seats' }, { key: 'free', name: texts.free, stack: 'seats' }, { key: 'waiting', name: texts.waiting }], texts.count, o);
}

/** Delivered, received and net per municipality (units or kroner, as the axis says). */
export function balanceChart(t: DashboardTable, unitLabel: string, texts: ChartTexts = danishChartTexts, o: ChartOptions = {}): ChartOption {
  return horizontalBars(t, [{ key: 'delivered', name: texts.delivered }, { key: 'received', name: texts.received }, { key: 'net', name: texts.net }], unitLabel, o);
}

/** How many series a chart has (the browser test compares it with the legend). */
export function seriesCount(option: ChartOption): number {
  const series = option['series'];
  return Array.isArray(series) ? series.length : 0;
}

/**
 * What a chart's category opens in its table: one row (a bar's or a point's category, a Sankey home
 * node or flow) or one column (a Sankey provider node: the flows into that provider).
 */
export type ChartDrill = { kind: 'row' | 'column'; key: string };

/**
 * The drill a click on the chart opens: a bar's category (the row's place among the body rows), a
 * Sankey home node's or link's row, a Sankey provider node's column; null for none.
 */
export function chartDrill(panel: DashboardPanelId, t: DashboardTable, click: { dataIndex?: number; data?: unknown; dataType?: string }): ChartDrill | null {
  if (panel === 'flows') {
    const data = click.data as { rowKey?: unknown; columnKey?: unknown } | undefined;
    if (typeof data?.rowKey === 'string') return { kind: 'row', key: data.rowKey };
    if (typeof data?.columnKey === 'string') return { kind: 'column', key: data.columnKey };
    return null;
  }
  const index = click.dataIndex;
  if (typeof index !== 'number') return null;
  const key = bodyRows(t)[index]?.key;
  return key === undefined ? null : { kind: 'row', key };
}
