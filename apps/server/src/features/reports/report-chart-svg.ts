import { balanceChart, danishChartTexts, flowsChart, indicatorsChart, referralsChart, teamsChart, waitingChart, type ChartOption } from '@samkraft/contracts/dashboard-charts';
import type { ReportCharts } from '@samkraft/contracts/dashboard';
import type * as EchartsCore from 'echarts/core';
import { PDF_FONT } from '../../platform/pdf/render-pdf.ts';
import { UNIT_LABEL } from './dashboard-tables.rules.ts';

/**
 * The dashboard's charts as SVG for the report PDF: the same options the web draws
 * (`contracts/dashboard-charts.ts`), rendered by ECharts' server-side SVG renderer. ECharts is
 * loaded on the first chart, not at start-up.
 */

export type ChartSvg = { title: string; svg: string; width: number; height: number };

type Echarts = typeof EchartsCore;
let loading: Promise<Echarts> | undefined;

function echarts(): Promise<Echarts> {
  loading ??= Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')]).then(([core, charts, components, renderers]) => {
    core.use([charts.BarChart, charts.LineChart, charts.SankeyChart, components.GridComponent, components.LegendComponent, components.TooltipComponent, components.AriaComponent, components.MarkLineComponent, renderers.SVGRenderer]);
    return core;
  });
  return loading;
}

export const CHART_WIDTH = 760;
export const CHART_HEIGHT = 240;

async function toSvg(option: ChartOption, height = CHART_HEIGHT): Promise<string> {
  const core = await echarts();
  const chart = core.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Every dashboard chart of the report's period, in the dashboard's order. */
export async function reportChartSvgs(charts: ReportCharts): Promise<ChartSvg[]> {
  const d = charts.dashboard;
  const o = { animation: false, fontFamily: PDF_FONT };
  const t = danishChartTexts;
  const rowsHeight = (n: number) => Math.max(CHART_HEIGHT, 90 + n * 24);
  const list: { title: string; option: ChartOption; height?: number }[] = [
    { title: d.referrals.title, option: referralsChart(d.referrals, t, o) },
    { title: d.flows.title, option: flowsChart(d.flows, t, o), height: rowsHeight(d.flows.rows.length) },
    { title: d.indicators.title, option: indicatorsChart(d.indicators, d.indicatorTargets, t, o), height: 440 },
    { title: d.waiting.title, option: waitingChart(d.waiting, t, o), height: rowsHeight(d.waiting.rows.length) },
    { title: d.teams.title, option: teamsChart(d.teams, t, o), height: rowsHeight(d.teams.rows.length) },
    { title: charts.balance.table.title, option: balanceChart(charts.balance.table, UNIT_LABEL[charts.balance.unit], t, o), height: rowsHeight(charts.balance.rows.length) },
  ];
  const result: ChartSvg[] = [];
  for (const c of list) {
    const height = c.height ?? CHART_HEIGHT;
    result.push({ title: c.title, svg: await toSvg(c.option, height), width: CHART_WIDTH, height });
  }
  return result;
}
