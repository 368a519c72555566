import type { FhirNarrative } from '../../platform/fhir/fhir-json.ts';

/*
 * Generated narratives for the resources Samkraft writes into MedCom messages (governance:
 * MedComLandingPage GeneralGovernanceFHIRStandards §5–6). Basic XHTML only; each names the
 * resource id, the ids it references and the elements the profiles mark SHALL:in-narrative;
 * labels are Danish with the English element name. An attachment's content is never rendered.
 */

export type NarrativeLine = readonly [label: string, value: string | undefined];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Text with its line breaks kept. */
const block = (text: string) => escape(text).replace(/\r?\n/g, '<br/>');

/** A narrative: a heading naming the resource type and id, then one line per element that has a value. */
export function narrative(title: string, id: string, lines: readonly NarrativeLine[], status: FhirNarrative['status'] = 'generated'): FhirNarrative {
  const body = lines
    .filter((line): line is readonly [string, string] => line[1] !== undefined && line[1] !== '')
    .map(([label, value]) => `<p><b>${escape(label)}</b>: ${block(value)}</p>`)
    .join('');
  return { status, div: `<div xmlns="http://www.w3.org/1999/xhtml"><p><b>${escape(title)}</b> (id ${escape(id)})</p>${body}</div>` };
}

/** A reference as the narrative shows it: what it points at, and its id. */
export const referenceText = (reference: string, label?: string) => (label ? `${label} (${reference})` : reference);

/** A human-readable instant in Danish time, with the machine value beside it. */
export function timeText(instant: string | undefined): string | undefined {
  if (!instant) return undefined;
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const danish = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' }).format(date);
  return `${danish} (${instant})`;
}
