import type { AuditReviewEvent } from '@samkraft/contracts/audit-review';
import { newWorkbook } from '../../platform/xlsx/new-workbook.ts';
import { EXPORT_MAX_ROWS } from './audit-review.rules.ts';

/*
 * The auditor's export: the same events and words as the page, one row each, as CSV (semicolon,
 * UTF-8 with BOM, as Danish Excel opens it) or XLSX. A cell that a spreadsheet would run as a
 * formula (= + - @ first) is written with a leading apostrophe in the CSV.
 */

const copenhagen = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The Danish wall-clock time of an instant, `YYYY-MM-DD HH:MM:SS`. */
export const danishTime = (iso: string): string => copenhagen.format(new Date(iso));

const outcomeDa: Record<AuditReviewEvent['outcome'], string> = { allowed: 'tilladt', denied: 'afvist', failed: 'fejlet' };

export const EXPORT_HEADERS = ['Tidspunkt (dansk tid)', 'Bruger', 'Brugernavn', 'Kommune', 'Roller', 'Handling', 'Hvad', 'Hvorfor', 'Borger', 'Udfald', 'Post', 'Hændelse nr.'];

export function exportRow(e: AuditReviewEvent): string[] {
  const who = e.who.kind === 'staff' ? (e.who.name ?? '') : e.who.kind === 'citizen' ? 'Borgeren selv' : `Samkraft (${e.who.label ?? 'system'})`;
  return [
    danishTime(e.at),
    who,
    e.who.username ?? '',
    e.who.municipality?.name ?? '',
    e.who.roles.map((r) => r.da).join(', '),
    e.action,
    e.what.da,
    e.why.da,
    e.citizen?.name ?? '',
    outcomeDa[e.outcome],
    e.entity ? `${e.entity.type}${e.entity.id ? ` ${e.entity.id}` : ''}` : '',
    e.id,
  ];
}

const truncatedNote = `Filen har de ${EXPORT_MAX_ROWS.toLocaleString('da-DK')} nyeste hændelser; der er flere — indsnævr perioden eller filtrene.`;

function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(events: readonly AuditReviewEvent[], truncated: boolean): Buffer {
  const lines = [EXPORT_HEADERS, ...events.map(exportRow), ...(truncated ? [[truncatedNote]] : [])].map((row) => row.map(csvCell).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(events: readonly AuditReviewEvent[], truncated: boolean): Promise<Buffer> {
  const wb = await newWorkbook();
  const sheet = wb.addWorksheet('Adgangslog');
  sheet.addRow(EXPORT_HEADERS).font = { bold: true };
  for (const e of events) sheet.addRow(exportRow(e));
  if (truncated) sheet.addRow([truncatedNote]);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((c, i) => {
    c.width = [20, 24, 16, 14, 20, 24, 40, 30, 24, 10, 30, 12][i] ?? 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
