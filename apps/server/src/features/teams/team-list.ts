import type { Content, Margins, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { danishLongDate } from '../plans/plan.rules.ts';

export type TeamListRow = {
  name: string;
  birthYear: string;
  /** "12/29": the session's number in the citizen's quota; null when the citizen has cancelled. */
  sessionOfQuota: string | null;
  /** An advance cancellation already recorded for this session. */
  cancelReason: string | null;
};

export type TeamListFacts = {
  municipalityName: string;
  teamName: string;
  interventionName: string;
  placeName: string;
  date: string;
  time: string;
  durationMinutes: number;
  room: string | null;
  followUp: boolean;
  cancelReason: string | null;
  rows: TeamListRow[];
};

// A new node per cell: pdfmake lays nodes out in place, so one shared node would be drawn once.
const box = (): Content => ({ canvas: [{ type: 'rect', x: 8, y: 7, w: 14, h: 14, lineWidth: 1, lineColor: '#000000' }] });

/**
 * The printable team list of one session, in Danish on A4, for the room: each participant with
 * the session's number in their quota, a box each for attended / cancelled / no-show and a line to
 * sign. Names and birth years only — no CPR numbers leave the system on paper.
 */
export function teamListDocument(f: TeamListFacts): TDocumentDefinitions {
  const when = `${danishLongDate(f.date)} kl. ${f.time} (${f.durationMinutes} min)`;
  const pad: Margins = [0, 8, 0, 8];
  const header: TableCell[] = ['Deltager', 'Født', 'Session', 'Mødt', 'Afbud', 'Udeblevet', 'Underskrift'].map((text) => ({ text, bold: true }));
  const body = f.rows.map((r): TableCell[] => [
    { text: r.name, margin: pad },
    { text: r.birthYear, margin: pad },
    { text: r.sessionOfQuota ?? '—', margin: pad },
    ...(r.cancelReason !== null ? [{ text: `Afbud meldt: ${r.cancelReason}`, colSpan: 4, italics: true, margin: pad }, '', '', ''] : [box(), box(), box(), { text: ' ', margin: pad }]),
  ]);
  return {
    info: { title: `Holdliste – ${f.teamName} – ${f.date}`, subject: 'Holdliste til fremmøde' },
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    content: [
      { text: `${f.municipalityName} Kommune`, style: 'sender' },
      { text: `Holdliste: ${f.teamName}`, style: 'title' },
      { text: `${f.interventionName} · ${f.placeName}`, margin: [0, 0, 0, 2] },
      { text: `${f.followUp ? 'Opfølgning ' : ''}${when}`, margin: [0, 0, 0, 2] },
      { text: `Lokale: ${f.room ?? '—'}`, margin: [0, 0, 0, 10] },
      ...(f.cancelReason !== null ? [{ text: `Sessionen er aflyst: ${f.cancelReason}`, bold: true, color: '#b02525', margin: [0, 0, 0, 10] } satisfies Content] : []),
      f.rows.length === 0
        ? { text: 'Ingen deltagere på denne session.', italics: true }
        : {
            // The default grid: every cell boxed, which is what a paper form to tick needs.
            table: { headerRows: 1, dontBreakRows: true, widths: ['*', 34, 44, 34, 34, 66, 110], body: [header, ...body] },
          },
      { text: 'Sæt ét kryds pr. deltager. Afbud noteres med årsag i Samkraft. Session: deltagerens nummer af sine sessioner.', style: 'note' },
      { text: 'Underskrift, terapeut: ______________________________', margin: [0, 24, 0, 0] },
    ],
    styles: {
      sender: { fontSize: 10, color: '#444444', margin: [0, 0, 0, 12] },
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      note: { fontSize: 9, color: '#444444', margin: [0, 8, 0, 0] },
    },
  };
}
