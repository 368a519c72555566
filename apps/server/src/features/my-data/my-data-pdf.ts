import type { AccessLogEntry } from '@samkraft/contracts/access-log';
import type { MyDataFile } from '@samkraft/contracts/my-data';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { myDataSections } from './my-data.sections.ts';

/*
 * The aktindsigt as a readable PDF, in Danish: first each FHIR resource by its own narrative (the
 * Danish table every resource carries), then each section's records as label–value tables, then the
 * access log in plain words, and last what the file leaves out and why. Pure: the file in, the
 * pdfmake document out.
 */

const instant = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const stripTags = (s: string): string => decode(s.replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, '')).trim();

/** The heading and label–value rows of a generated narrative (`fhir-narrative.ts`). */
export function narrativeRows(div: string): { heading: string; rows: [string, string][] } {
  const heading = stripTags(/<p><b>(.*?)<\/b><\/p>/s.exec(div)?.[1] ?? '');
  const rows = [...div.matchAll(/<tr><th>(.*?)<\/th><td>(.*?)<\/td><\/tr>/gs)].map((m): [string, string] => [stripTags(m[1] ?? ''), stripTags(m[2] ?? '')]);
  return { heading, rows };
}

/** `crossReferralId` as "Cross referral id": a field's name made readable. */
const label = (key: string): string => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A value's lines, nested objects flattened as "parent › child". */
export function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    if (value.every((v) => typeof v !== 'object' || v === null)) return [[prefix, value.join(', ')]];
    return value.flatMap((v, i) => flatten(v, `${prefix} ${i + 1}`.trim()));
  }
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix} › ${label(k)}` : label(k)));
  if (typeof value === 'boolean') return [[prefix, value ? 'Ja' : 'Nej']];
  return [[prefix, typeof value === 'string' ? value : JSON.stringify(value)]];
}

const table = (rows: [string, string][]): Content =>
  rows.length === 0
    ? { text: '—', margin: [0, 0, 0, 8] }
    : { table: { widths: ['35%', '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'lightHorizontalLines', margin: [0, 2, 0, 10] };

function logLine(e: AccessLogEntry): string {
  const who = e.who.kind === 'staff' ? [e.who.name, e.who.roles.map((r) => r.da).join(', '), e.who.municipality ? `${e.who.municipality.name} Kommune` : null].filter(Boolean).join(', ') : e.who.kind === 'citizen' ? 'Dig selv' : 'Samkraft (automatisk)';
  return `${instant.format(new Date(e.at))} – ${who} så ${e.what.da}. Formål: ${e.why.da}.`;
}

export function myDataPdf(file: MyDataFile): TDocumentDefinitions {
  const entries = ((file.fhir as { entry?: { resource: { resourceType: string; id: string; text?: { div: string } } }[] }).entry ?? []).map((e) => e.resource);
  const content: Content[] = [
    { text: 'Dine oplysninger i Samkraft', style: 'title' },
    { text: `Aktindsigt for ${file.citizen.name}`, margin: [0, 0, 0, 2] },
    { text: `Dannet ${instant.format(new Date(file.generatedAt))}${file.request.reference ? ` på skriftlig anmodning (${file.request.reference})` : ' på din egen anmodning'}.`, margin: [0, 0, 0, 8] },
    {
      text: 'Her er alt, hvad Samkraft har registreret om dig: først dine forløb som de udveksles med andre systemer (FHIR), så de øvrige oplysninger, og til sidst hvem der har set dine oplysninger. Samme indhold findes i den maskinlæsbare fil.',
      margin: [0, 0, 0, 12],
    },
    { text: 'Dine forløb', style: 'heading' },
    ...entries.flatMap((r): Content[] => {
      const n = r.text ? narrativeRows(r.text.div) : { heading: `${r.resourceType} ${r.id}`, rows: [] };
      return [{ text: n.heading || r.resourceType, style: 'subheading' }, table(n.rows)];
    }),
  ];
  for (const s of myDataSections) {
    const items = (file.sections[s.key] as unknown[] | undefined) ?? [];
    content.push({ text: s.title.da, style: 'heading' });
    if (s.key === 'accessLog') {
      content.push(items.length === 0 ? { text: '—' } : { ul: (items as AccessLogEntry[]).map(logLine), margin: [0, 0, 0, 8] });
      continue;
    }
    if (items.length === 0) content.push({ text: 'Ingen oplysninger.', margin: [0, 0, 0, 8] });
    for (const item of items) content.push(table(flatten(item)));
  }
  content.push({ text: 'Det indeholder filen ikke', style: 'heading' });
  content.push({ ul: Object.entries(file.coverage.excluded).map(([t, why]) => `${t}: ${why}`) });
  return {
    info: { title: `Aktindsigt – ${file.citizen.name}`, subject: 'Dine oplysninger i Samkraft' },
    pageMargins: [48, 48, 48, 48],
    defaultStyle: { fontSize: 10 },
    styles: { title: { fontSize: 18, bold: true, margin: [0, 0, 0, 8] }, heading: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] }, subheading: { fontSize: 11, bold: true, margin: [0, 6, 0, 2] } },
    content,
  };
}
