import type { Narrative } from './fhir-types.ts';

/*
 * Generated narratives (text.status `generated`): Danish, basic XHTML only — a heading and a table
 * of label and value — as FHIR's narrative rules and MedCom's governance ask: every resource
 * carries one, with its id and the references it makes.
 */

const XHTML = 'http://www.w3.org/1999/xhtml';

export function escapeXhtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export type NarrativeRow = readonly [label: string, value: string | number | null | undefined];

/** A heading and the rows with a value (empty ones left out), each line of a value on its own line. */
export function narrative(heading: string, rows: readonly NarrativeRow[]): Narrative {
  const cells = rows
    .filter((r): r is readonly [string, string | number] => r[1] !== null && r[1] !== undefined && String(r[1]).trim() !== '')
    .map(([label, value]) => `<tr><th>${escapeXhtml(label)}</th><td>${String(value).split('\n').map(escapeXhtml).join('<br/>')}</td></tr>`)
    .join('');
  const table = cells ? `<table><tbody>${cells}</tbody></table>` : '';
  return { status: 'generated', div: `<div xmlns="${XHTML}"><p><b>${escapeXhtml(heading)}</b></p>${table}</div>` };
}

/** `2026-03-18` as `18.03.2026`; an instant as the Danish date and time. */
export function danishDateText(isoDate: string | null | undefined): string | null {
  if (!isoDate) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : isoDate;
}

const instantFormat = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function danishInstantText(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : instantFormat.format(d);
}
