import type { AssessmentItemList } from '@samkraft/contracts/assessments';
import type { Content } from 'pdfmake/interfaces.js';

const AREA_DA: Record<AssessmentItemList['areas'][number]['area'], string> = {
  physical: 'Fysisk',
  psychological: 'Psykisk',
  social: 'Socialt',
  practical: 'Praktisk',
  existential: 'Eksistentielt',
  work_economy: 'Arbejde og økonomi',
  relatives: 'Pårørende',
};

const BOX = '☐';

/**
 * The paper form "Støtte til livet med kræft" that the preparation letter says is enclosed, from
 * the active assessment items (the ones the needs assessment records), so that what the citizen
 * ticks at home is what the contact person records at the conversation: the 0–10 scale, a yes/no
 * per problem under its area, and room to write what matters most. Starts on a page of its own.
 */
export function preparationFormContent(items: AssessmentItemList, citizenName: string): Content[] {
  const scale = Array.from({ length: 11 }, (_, i) => ({ text: String(i), alignment: 'center' as const, bold: true }));
  return [
    { text: 'Støtte til livet med kræft', fontSize: 16, bold: true, pageBreak: 'before', margin: [0, 0, 0, 4] },
    { text: 'Skema til dig, før samtalen om dine behov. Udfyld det, og tag det med til samtalen.', margin: [0, 0, 0, 10] },
    {
      table: { widths: ['auto', '*', 'auto', 120], body: [[{ text: 'Navn:', bold: true }, citizenName, { text: 'Dato:', bold: true }, '']] },
      layout: 'noBorders',
      margin: [0, 0, 0, 12],
    },
    { text: '1. Hvor belastet har du følt dig den seneste uge?', bold: true, margin: [0, 0, 0, 2] },
    { text: 'Sæt ring om det tal, der passer bedst: 0 er slet ikke belastet, 10 er ekstremt belastet.', margin: [0, 0, 0, 6] },
    { table: { widths: Array.from({ length: 11 }, () => '*'), body: [scale] }, margin: [0, 0, 0, 4] },
    {
      columns: [
        { text: 'Slet ikke belastet', fontSize: 9 },
        { text: 'Ekstremt belastet', fontSize: 9, alignment: 'right' },
      ],
      margin: [0, 0, 0, 14],
    },
    { text: '2. Har du haft problemer med noget af dette den seneste uge?', bold: true, margin: [0, 0, 0, 2] },
    { text: `Sæt kryds ved ja eller nej for hvert punkt (${BOX} = sæt kryds).`, margin: [0, 0, 0, 6] },
    ...items.areas.map(
      (a): Content => ({
        table: {
          headerRows: 1,
          dontBreakRows: true,
          keepWithHeaderRows: 1,
          widths: ['*', 'auto', 'auto'],
          body: [
            [{ text: AREA_DA[a.area], bold: true }, { text: 'Ja', bold: true }, { text: 'Nej', bold: true }],
            ...a.items.map((i) => [i.labelDa, `${BOX}`, `${BOX}`]),
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 10],
      }),
    ),
    { text: '3. Hvad vil du helst tale om ved samtalen?', bold: true, margin: [0, 6, 0, 6] },
    ...Array.from({ length: 5 }, (): Content => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 483, y2: 0, lineWidth: 0.5, lineColor: '#888888' }], margin: [0, 22, 0, 0] })),
    { text: 'Tak fordi du har udfyldt skemaet. Tag det med til samtalen.', italics: true, margin: [0, 16, 0, 0] },
  ];
}
