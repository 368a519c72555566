import type { ActionPlan } from '@samkraft/contracts/plans';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { PlanLetterFacts } from './plan.repository.ts';
import { danishLongDate } from './plan.rules.ts';

const goalStatusDa: Record<ActionPlan['goals'][number]['status'], string> = {
  open: 'Igangværende',
  reached: 'Nået',
  partly_reached: 'Delvist nået',
  not_reached: 'Ikke nået',
  dropped: 'Opgivet',
};

/** Name, work phone and e-mail; the unit's phone when the contact person has none, said as such. */
function contactLine(f: PlanLetterFacts): string {
  const reach = [f.contactPersonPhone ? `tlf. ${f.contactPersonPhone}` : null, f.contactPersonEmail].filter(Boolean).join(', ');
  const line = `Din kontaktperson: ${f.contactPersonName ?? 'ikke tildelt endnu'}${reach ? `, ${reach}` : ''}`;
  return !f.contactPersonPhone && f.unitPhone ? `${line}. Kræftrehabiliteringen i ${f.municipalityName} Kommune: tlf. ${f.unitPhone}` : line;
}

function field(label: string, value: string | null): Content[] {
  return [
    { text: label, style: 'label' },
    { text: value?.trim() ? value : '—', margin: [0, 0, 0, 8] },
  ];
}

/** The citizen's copy of one version of the action plan, in Danish, with every field and goal. */
export function planLetter(plan: ActionPlan, facts: PlanLetterFacts): TDocumentDefinitions {
  const title = plan.version === 1 ? 'Handleplan' : `Handleplan, version ${plan.version}`;
  return {
    info: { title: `${title} – ${facts.citizenName}`, subject: 'Handleplan for rehabilitering og palliation' },
    pageMargins: [56, 56, 56, 56],
    content: [
      { text: `${facts.municipalityName} Kommune`, style: 'sender' },
      { text: title, style: 'title' },
      { text: `Til ${facts.citizenName}`, margin: [0, 0, 0, 2] },
      { text: `Aftalt ${danishLongDate(plan.agreedOn)}`, margin: [0, 0, 0, 2] },
      { text: contactLine(facts), margin: [0, 0, 0, 12] },
      ...(plan.revisionReason ? field('Hvorfor planen er ændret', plan.revisionReason) : []),
      ...field('Dine vanskeligheder og behov', plan.difficultiesAndNeeds),
      ...field('Formålet med indsatsen, og hvad den skal bestå i', plan.purposeAndContent),
      ...field('Hvor indsatsen foregår', plan.location),
      { text: 'Hvem er ansvarlig for hvad', style: 'label' },
      {
        table: {
          headerRows: 1,
          widths: ['*', '*'],
          body: [
            [{ text: 'Del af indsatsen', bold: true }, { text: 'Ansvarlig', bold: true }],
            ...plan.responsibilities.map((r) => [r.part, r.responsible]),
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 2, 0, 10],
      },
      ...field('Andre forvaltninger eller centre, der er involveret', plan.otherAdministrations),
      ...field('Tilbagevenden til arbejdsmarkedet', plan.returnToWork),
      ...field('Hvornår og af hvem indsatsen evalueres', [plan.evaluationOn ? danishLongDate(plan.evaluationOn) : null, plan.evaluationBy].filter(Boolean).join(', af ') || null),
      ...field('Første opfølgningssamtale', danishLongDate(plan.firstFollowUpOn)),
      { text: 'Mål', style: 'heading' },
      {
        table: {
          headerRows: 1,
          // The date and the status are never wrapped, and their columns as wide as the widest:
          // a fixed width broke "Igangværende" mid-word. The goal takes the rest.
          widths: ['auto', '*', 'auto', 'auto'],
          body: [
            [{ text: 'Nr.', bold: true }, { text: 'Mål', bold: true }, { text: 'Nås senest', bold: true }, { text: 'Status', bold: true }],
            ...plan.goals.map((g) => [String(g.ordinal), g.description, { text: g.targetOn ? danishLongDate(g.targetOn) : '—', noWrap: true }, { text: goalStatusDa[g.status], noWrap: true }]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      {
        text: 'Planen er lavet sammen med dig. Kontakt din kontaktperson, hvis noget ændrer sig, eller hvis du har spørgsmål.',
        margin: [0, 16, 0, 0],
        italics: true,
      },
    ],
    styles: {
      sender: { fontSize: 10, color: '#444444', margin: [0, 0, 0, 16] },
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 8] },
      heading: { fontSize: 13, bold: true, margin: [0, 8, 0, 4] },
      label: { bold: true, margin: [0, 0, 0, 2] },
    },
  };
}
