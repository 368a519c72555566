import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Report, ReportColumn, ReportTable } from '@samkraft/contracts/reports';
import type { ReportCharts } from '@samkraft/contracts/dashboard';
import { renderPdf, type PdfDocument } from '../../platform/pdf/render-pdf.ts';
import { reportChartSvgs, type ChartSvg } from './report-chart-svg.ts';
import { aboutLines, HIDDEN } from './report-export.ts';

/**
 * The report as a PDF: the tables with Danish labels and the dashboard's charts (the same ECharts
 * options as the web's, as SVG); a report without them (an old job's) gets simple bar charts.
 */

const BAR_WIDTH = 320;
const COLOR = '#2f6f8f';
const TARGET_COLOR = '#b3261e';

function formatNumber(v: number | null, format: ReportColumn['format']): string {
  if (v === null) return '–';
  switch (format) {
    case 'count':
      return v.toLocaleString('da-DK');
    case 'share':
      return `${(v * 100).toLocaleString('da-DK', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} %`;
    case 'decimal':
      return v.toLocaleString('da-DK', { maximumFractionDigits: 2 });
  }
}

function tableContent(t: ReportTable): Content[] {
  const withNotes = t.rows.some((r) => r.note !== null);
  const header: TableCell[] = [t.rowHeader, ...t.columns.map((c) => c.label), ...(withNotes ? ['Bemærkning'] : [])].map((text, i) => ({ text, bold: true, alignment: i === 0 ? 'left' : 'right' }));
  const body: TableCell[][] = [
    header,
    ...t.rows.map((r): TableCell[] => [
      { text: r.label, bold: r.total },
      ...r.cells.map((v, j): TableCell => ({ text: r.suppressed[j] ? HIDDEN : formatNumber(v, t.columns[j]?.format ?? 'count'), alignment: 'right', bold: r.total })),
      ...(withNotes ? [{ text: r.note ?? '', fontSize: 7 }] : []),
    ]),
  ];
  const many = t.columns.length > 6;
  return [
    { text: t.title, style: 'h2' },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: ['*', ...t.columns.map(() => 'auto' as const), ...(withNotes ? ['auto' as const] : [])], body },
      layout: 'lightHorizontalLines',
      fontSize: many ? 7 : 8,
    },
    ...t.notes.map((n): Content => ({ text: n, fontSize: 7, italics: true, margin: [0, 2, 0, 0] })),
  ];
}

/** A horizontal bar chart; an optional target is drawn as a red line across the bar. */
function barChart(title: string, items: { label: string; value: number | null; text: string; target?: number | null }[], max: number): Content {
  const scale = (v: number) => (max > 0 ? (Math.min(v, max) / max) * BAR_WIDTH : 0);
  return {
    stack: [
      { text: title, style: 'h3' },
      ...items.map((item): Content => ({
        columns: [
          { text: item.label, width: 170, fontSize: 8 },
          {
            width: BAR_WIDTH + 4,
            canvas: [
              { type: 'rect', x: 0, y: 1, w: BAR_WIDTH, h: 9, color: '#e8eef2' },
              ...(item.value !== null && item.value > 0 ? [{ type: 'rect' as const, x: 0, y: 1, w: scale(item.value), h: 9, color: COLOR }] : []),
              ...(item.target != null ? [{ type: 'line' as const, x1: scale(item.target), y1: -1, x2: scale(item.target), y2: 12, lineWidth: 2, lineColor: TARGET_COLOR }] : []),
            ],
          },
          { text: item.text, width: 'auto', fontSize: 8 },
        ],
        columnGap: 6,
        margin: [0, 1, 0, 1],
      })),
    ],
    margin: [0, 4, 0, 8],
  };
}

function charts(report: Report): Content[] {
  const trend = report.tables.find((t) => t.id === 'trend');
  const content: Content[] = [];
  if (trend && trend.rows.length > 0) {
    const values = trend.rows.map((r) => r.cells[0] ?? null);
    content.push(
      barChart(
        'Henviste pr. halvår',
        trend.rows.map((r, i) => ({ label: r.label, value: values[i] ?? null, text: r.suppressed[0] ? HIDDEN : formatNumber(values[i] ?? null, 'count') })),
        Math.max(1, ...values.map((v) => v ?? 0)),
      ),
    );
  }
  const shares = report.indicators.filter((i) => i.unit === 'share');
  content.push(
    barChart(
      'Indikatorer mod mål (rød streg = mål)',
      shares.map((i) => ({ label: `${i.number}. ${i.label}`, value: i.value, text: formatNumber(i.value, 'share'), target: i.targetValue })),
      1,
    ),
  );
  return content;
}

function svgCharts(svgs: readonly ChartSvg[]): Content[] {
  // Landscape A4 less the margins is 770 × 515 points: two charts of the usual height to a page.
  const scale = 700 / Math.max(...svgs.map((c) => c.width));
  return svgs.map((c): Content => ({ stack: [{ text: c.title, style: 'h3' }, { svg: c.svg, width: c.width * scale, height: c.height * scale }], unbreakable: true, margin: [0, 4, 0, 8] }));
}

export function reportPdfDocument(report: Report, chartSvgs: readonly ChartSvg[] = []): PdfDocument {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 40, 36, 40],
    info: { title: `Rapport ${report.period.from} – ${report.period.to}` },
    styles: { h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] }, h2: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] }, h3: { fontSize: 9, bold: true, margin: [0, 6, 0, 3] } },
    content: [
      { text: 'Rapport: kræftrehabilitering i samarbejdet', style: 'h1' },
      { table: { widths: [130, '*'], body: aboutLines(report).map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'noBorders', fontSize: 9 },
      ...(chartSvgs.length > 0 ? svgCharts(chartSvgs) : charts(report)),
      ...report.tables.flatMap(tableContent),
    ],
  };
}

export async function reportToPdf(report: Report, charts: ReportCharts | null = null): Promise<Buffer> {
  return renderPdf(reportPdfDocument(report, charts ? await reportChartSvgs(charts) : []));
}
