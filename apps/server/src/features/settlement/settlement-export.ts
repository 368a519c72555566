import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { SettlementStatement, SettlementUnit } from '@samkraft/contracts/settlement';
import { renderPdf } from '../../platform/pdf/render-pdf.ts';
import { newWorkbook } from '../../platform/xlsx/new-workbook.ts';

/*
 * A statement as a PDF and as a workbook, in Danish: per municipality, per pair (net settlement)
 * and the lines behind them. Aggregates only.
 */

const UNIT_DA: Record<SettlementUnit, string> = { session: 'Holdgang', course: 'Forløb' };
const kr = (v: number): string => `${v.toLocaleString('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr.`;
const pct = (v: number | null): string => (v === null ? '–' : `${(v * 100).toLocaleString('da-DK', { maximumFractionDigits: 1 })} %`);

export const statementTitle = (s: SettlementStatement): string => (s.mode === 'net' ? 'Mellemkommunal afregning (nettoafregning)' : 'Opgørelse af mellemkommunal udgiftsneutralitet');

export function aboutLines(s: SettlementStatement): [string, string][] {
  return [
    ['Periode', `${s.period.from} – ${s.period.to}`],
    ['Form', s.mode === 'net' ? 'Nettoafregning pr. kommunepar' : 'Udgiftsneutral: kun opgørelse, ingen afregning'],
    ['Status', s.locked ? `Afregnet og låst ${s.locked.lockedAt.slice(0, 10)} af ${s.locked.lockedBy}` : 'Ikke låst: beregnet af registreringerne nu'],
    ['Enheder uden takst', String(s.unpricedUnits)],
    ['Kilde', 'Samkraft: holdgange med fremmøde og påbegyndte tværkommunale forløb for borgere fra en anden kommune; ingen personoplysninger'],
  ];
}

const municipalityRows = (s: SettlementStatement): (string | number)[][] =>
  s.municipalities.map((m) => [m.name, m.deliveredUnits, m.deliveredKr, m.receivedUnits, m.receivedKr, m.netKr, m.deviationShare ?? '']);
const MUNICIPALITY_HEADER = ['Kommune', 'Leveret (enheder)', 'Leveret (kr.)', 'Modtaget (enheder)', 'Modtaget (kr.)', 'Netto (kr.)', 'Afvigelse fra neutral'];
const PAIR_HEADER = ['Betaler', 'Modtager', 'Betalers borgere modtog (kr.)', 'Modtagers borgere modtog (kr.)', 'Beløb (kr.)'];
const LINE_HEADER = ['Udførende', 'Hjemkommune', 'Indsats', 'Enhed', 'Antal', 'Takst (kr.)', 'Beløb (kr.)', 'Korrektion af'];

function lineRows(s: SettlementStatement): (string | number)[][] {
  const name = (code: string) => s.municipalityNames[code] ?? code;
  return s.lines.map((l) => [name(l.provider), name(l.home), s.interventionNames[l.interventionCode] ?? l.interventionCode, UNIT_DA[l.unit], l.units, l.priceKr ?? '', l.amountKr, l.corrects ? `${l.corrects.from} – ${l.corrects.to}` : '']);
}

export async function statementToXlsx(s: SettlementStatement): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Samkraft';
  const about = workbook.addWorksheet('Om opgørelsen');
  about.addRow([statementTitle(s)]).font = { bold: true, size: 14 };
  for (const line of aboutLines(s)) about.addRow(line);
  about.getColumn(1).width = 22;
  about.getColumn(2).width = 90;
  const sheet = (name: string, header: string[], rows: (string | number)[][], money: number[], share: number[] = []) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    for (const r of rows) {
      const added = ws.addRow(r);
      for (const c of money) added.getCell(c).numFmt = '#,##0.00';
      for (const c of share) added.getCell(c).numFmt = '0.0%';
    }
    header.forEach((h, i) => {
      ws.getColumn(i + 1).width = Math.max(12, Math.min(40, h.length + 4));
    });
  };
  sheet('Pr. kommune', MUNICIPALITY_HEADER, municipalityRows(s), [3, 5, 6], [7]);
  if (s.mode === 'net') sheet('Pr. kommunepar', PAIR_HEADER, s.pairs.map((p) => [p.payerName, p.payeeName, p.payerReceivedKr, p.payeeReceivedKr, p.amountKr]), [3, 4, 5]);
  sheet('Linjer', LINE_HEADER, lineRows(s), [6, 7]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function table(header: string[], rows: TableCell[][]): Content {
  return {
    table: { headerRows: 1, widths: ['*', ...header.slice(1).map(() => 'auto' as const)], body: [header.map((text, i) => ({ text, bold: true, alignment: i === 0 ? 'left' : 'right' })), ...rows] },
    layout: 'lightHorizontalLines',
    fontSize: 8,
  };
}

const right = (text: string): TableCell => ({ text, alignment: 'right', noWrap: true });

export async function statementToPdf(s: SettlementStatement): Promise<Buffer> {
  const name = (code: string) => s.municipalityNames[code] ?? code;
  const content: Content[] = [
    { text: statementTitle(s), style: 'h1' },
    { table: { widths: ['auto', '*'], body: aboutLines(s).map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'noBorders', fontSize: 8 },
    { text: 'Pr. kommune', style: 'h2' },
    table(
      MUNICIPALITY_HEADER,
      s.municipalities.map((m) => [m.name, right(String(m.deliveredUnits)), right(kr(m.deliveredKr)), right(String(m.receivedUnits)), right(kr(m.receivedKr)), right(kr(m.netKr)), right(pct(m.deviationShare))]),
    ),
  ];
  if (s.mode === 'net') {
    content.push({ text: 'Pr. kommunepar', style: 'h2' }, table(PAIR_HEADER, s.pairs.map((p) => [p.payerName, right(p.payeeName), right(kr(p.payerReceivedKr)), right(kr(p.payeeReceivedKr)), right(kr(p.amountKr))])));
  }
  content.push(
    { text: 'Linjer', style: 'h2' },
    table(
      LINE_HEADER,
      s.lines.map((l) => [name(l.provider), right(name(l.home)), right(s.interventionNames[l.interventionCode] ?? l.interventionCode), right(UNIT_DA[l.unit]), right(String(l.units)), right(l.priceKr === null ? 'ingen takst' : kr(l.priceKr)), right(kr(l.amountKr)), right(l.corrects ? `${l.corrects.from} – ${l.corrects.to}` : '')]),
    ),
  );
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 36],
    info: { title: `${statementTitle(s)} ${s.period.from} – ${s.period.to}` },
    styles: { h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] }, h2: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] } },
    content,
  });
}
