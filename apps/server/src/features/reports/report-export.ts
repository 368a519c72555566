import { newWorkbook } from '../../platform/xlsx/new-workbook.ts';
import type { Report, ReportColumn, ReportTable } from '@samkraft/contracts/reports';

/**
 * The report as a workbook (one sheet per table, numbers as numbers) and as CSV (`;`, decimal
 * comma, UTF-8 with BOM so Danish Excel opens it as it is). A hidden (suppressed) cell is "..".
 */

export const HIDDEN = '..';

const SHEET_NAMES: Record<ReportTable['id'], string> = {
  summary: 'Opsamling',
  trend: 'Udvikling pr. halvår',
  exchange: 'Modtaget og henvist',
  flows: 'Strømme',
  sex_age: 'Køn og alder',
  source_counts: 'Henvisningskilde (antal)',
  source_shares: 'Henvisningskilde (andel)',
  course_length: 'Forløbslængde',
  pilot: 'Henviste og fravalg',
  indicators: 'Indikatorer',
  questionnaire: 'Spørgeskema',
  coverage: 'Dækning',
  completeness: 'Datakomplethed',
};

export function aboutLines(report: Report): [string, string][] {
  return [
    ['Periode', `${report.period.from} – ${report.period.to}`],
    ['Sammenligningsperiode', report.comparePeriod ? `${report.comparePeriod.from} – ${report.comparePeriod.to}` : 'Ingen'],
    ['Kommuner', report.municipalities.map((m) => m.name).join(', ')],
    ['Små tal skjult (< 5)', report.suppressed ? 'Ja' : 'Nej'],
    ['Frister beregnet pr.', report.asOf],
    ['Kilde', 'Samkraft: beregnet af de registrerede forløb; ingen personoplysninger'],
  ];
}

const hasNotes = (t: ReportTable) => t.rows.some((r) => r.note !== null);

const NUMBER_FORMATS: Record<ReportColumn['format'], string> = { count: '0', share: '0.0%', decimal: '0.00' };

export async function reportToXlsx(report: Report): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Samkraft';
  const about = workbook.addWorksheet('Om rapporten');
  about.addRow(['Rapport: kræftrehabilitering']).font = { bold: true, size: 14 };
  for (const line of aboutLines(report)) about.addRow(line);
  about.getColumn(1).width = 26;
  about.getColumn(2).width = 80;

  for (const t of report.tables) {
    const sheet = workbook.addWorksheet(SHEET_NAMES[t.id]);
    sheet.addRow([t.title]).font = { bold: true, size: 13 };
    const header = sheet.addRow([t.rowHeader, ...t.columns.map((c) => c.label), ...(hasNotes(t) ? ['Bemærkning'] : [])]);
    header.font = { bold: true };
    for (const r of t.rows) {
      const added = sheet.addRow([r.label, ...r.cells.map((v, j) => (r.suppressed[j] ? HIDDEN : v)), ...(hasNotes(t) ? [r.note ?? ''] : [])]);
      if (r.total) added.font = { bold: true };
      t.columns.forEach((c, j) => {
        added.getCell(j + 2).numFmt = NUMBER_FORMATS[c.format];
      });
    }
    sheet.addRow([]);
    for (const n of t.notes) sheet.addRow([n]).font = { italic: true };
    sheet.getColumn(1).width = Math.min(70, Math.max(14, ...t.rows.map((r) => r.label.length)));
    t.columns.forEach((c, j) => {
      sheet.getColumn(j + 2).width = Math.min(28, Math.max(10, c.label.length + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(value: string): string {
  return /[;"\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvNumber(v: number | null, format: ReportColumn['format']): string {
  if (v === null) return '';
  const text = format === 'share' ? String(Math.round(v * 10000) / 10000) : String(v);
  return text.replace('.', ',');
}

/** Every table after one another, each with its title and header line, a blank line between. */
export function reportToCsv(report: Report): string {
  const lines: string[] = [];
  for (const [k, v] of aboutLines(report)) lines.push([k, v].map(csvField).join(';'));
  for (const t of report.tables) {
    lines.push('');
    lines.push(csvField(t.title));
    lines.push([t.rowHeader, ...t.columns.map((c) => c.label), ...(hasNotes(t) ? ['Bemærkning'] : [])].map(csvField).join(';'));
    for (const r of t.rows) {
      const cells = r.cells.map((v, j) => (r.suppressed[j] ? HIDDEN : csvNumber(v, t.columns[j]?.format ?? 'count')));
      lines.push([csvField(r.label), ...cells, ...(hasNotes(t) ? [csvField(r.note ?? '')] : [])].join(';'));
    }
    for (const n of t.notes) lines.push(csvField(n));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
