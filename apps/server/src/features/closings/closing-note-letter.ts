import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { danishLongDate, gpClinicLine } from './closing-note.rules.ts';

export type ClosingLetterFacts = {
  municipalityName: string;
  citizenName: string;
  /** `DDMMYY-SSSS`, or the synthetic citizen's pseudonym. */
  citizenId: string;
  citizenIdIsPseudonym: boolean;
  gp: { name: string; ydernummer: string | null; sorCode: string | null; address: string | null } | null;
  contactPersonName: string | null;
  /** The contact person's work phone, or the home unit's when she has none. */
  phone: { phone: string; of: 'contact_person' | 'unit' } | null;
  date: string;
  body: string;
};

// The composed draft heads each section with a short line of its own; in the PDF such a line
// (a block's first line that is not a sentence, a list item or a "label: value") is set bold.
function bodyContent(body: string): Content[] {
  return body
    .split(/\n{2,}/)
    .filter((block) => block.trim().length > 0)
    .map((block) => {
      const [first = '', ...rest] = block.split('\n');
      const heading = rest.length > 0 && !first.startsWith('- ') && !/^\d+\. /.test(first) && !first.includes(': ') && !first.endsWith('.') && first !== 'Med venlig hilsen';
      return heading
        ? { stack: [{ text: first, bold: true, margin: [0, 0, 0, 2] }, { text: rest.join('\n') }], margin: [0, 0, 0, 10] }
        : { text: block, margin: [0, 0, 0, 10] };
    });
}

/** The closing note as a Danish A4 letter with its header: who, from where, to which GP, when. */
export function closingNoteLetter(f: ClosingLetterFacts): TDocumentDefinitions {
  const row = (label: string, value: string): Content[] => [{ text: label, bold: true }, { text: value }];
  return {
    info: { title: `Afslutningsnotat – ${f.citizenName}`, subject: 'Afslutningsnotat, kræftrehabilitering' },
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    content: [
      { text: `Samkraft · ${f.municipalityName} Kommune`, style: 'sender' },
      { text: 'Afslutningsnotat', style: 'title' },
      {
        table: {
          widths: [110, '*'],
          body: [
            row('Borger', f.citizenName),
            row(f.citizenIdIsPseudonym ? 'Pseudonym' : 'CPR-nummer', f.citizenId),
            row('Egen læge', f.gp ? gpClinicLine(f.gp) : 'Ikke oplyst'),
            row('Kontaktperson', `${f.contactPersonName ?? 'Ikke tildelt'}${f.phone?.of === 'contact_person' ? `, tlf. ${f.phone.phone}` : ''}`),
            ...(f.phone?.of === 'unit' ? [row('Telefon', `${f.phone.phone} (kræftrehabiliteringen, ${f.municipalityName} Kommune)`)] : []),
            row('Dato', danishLongDate(f.date)),
          ],
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 16],
      },
      ...bodyContent(f.body),
    ],
    styles: {
      sender: { fontSize: 10, color: '#444444', margin: [0, 0, 0, 16] },
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 10] },
    },
  };
}
