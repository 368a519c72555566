import type { AssessmentItemList } from '@samkraft/contracts/assessments';
import type { PdfDocument } from '../../platform/pdf/render-pdf.ts';
import { preparationFormContent } from './preparation-form.document.ts';

export type PreparationLetterFacts = {
  municipalityName: string;
  /** The letter's date, `YYYY-MM-DD`. */
  date: string;
  citizen: { name: string; addressLines: string[] | null };
  contactPerson: { name: string; profession: string | null; phone: string | null } | null;
  /** The home municipality's rehabilitation unit, called when the contact person has no phone. */
  unitPhone: string | null;
  /** The items of "Støtte til livet med kræft", enclosed as the form's pages. */
  form: AssessmentItemList;
  /** The agreed assessment conversation, an instant; shown in Danish time. */
  agreedAssessmentAt: Date | null;
};

const PROFESSION_DA: Record<string, string> = {
  nurse: 'sygeplejerske',
  physiotherapist: 'fysioterapeut',
  occupational_therapist: 'ergoterapeut',
  dietitian: 'diætist',
  physician: 'læge',
  social_worker: 'socialrådgiver',
};

const longDate = (d: Date) => new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
const weekdayDate = (d: Date) => new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
const clock = (d: Date) => new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' }).format(d).replace(':', '.');

/**
 * The Danish letter that goes with "Støtte til livet med kræft" before the needs-assessment
 * conversation (note §8.9 step 2). Under name and address protection the address is never
 * printed; the letter says so, so that it is sent through a protected channel.
 */
export function preparationLetterDocument(f: PreparationLetterFacts): PdfDocument {
  const municipality = `${f.municipalityName} Kommune`;
  const letterDate = longDate(new Date(`${f.date}T12:00:00Z`));
  const recipient = f.citizen.addressLines
    ? [f.citizen.name, ...f.citizen.addressLines]
    : [f.citizen.name, 'Borgeren har navne- og adressebeskyttelse. Adressen vises ikke i Samkraft; send brevet gennem Digital Post eller folkeregisteret.'];
  const meeting = f.agreedAssessmentAt
    ? `Vi har aftalt, at vi holder samtalen om dine behov ${weekdayDate(f.agreedAssessmentAt)} kl. ${clock(f.agreedAssessmentAt)}.`
    : 'Vi kontakter dig for at aftale et tidspunkt for samtalen om dine behov.';
  const contact = f.contactPerson
    ? `Din kontaktperson er ${f.contactPerson.name}${f.contactPerson.profession && PROFESSION_DA[f.contactPerson.profession] ? `, ${PROFESSION_DA[f.contactPerson.profession]}` : ''}, ${municipality}. Din kontaktperson er den samme gennem hele dit forløb, og du kan altid henvende dig med spørgsmål.`
    : `Du får en fast kontaktperson i ${municipality}, som er den samme gennem hele dit forløb.`;
  const phone = f.contactPerson?.phone
    ? `Du kan ringe til ${f.contactPerson.name} på tlf. ${f.contactPerson.phone}.`
    : f.unitPhone
      ? `Du kan ringe til kræftrehabiliteringen i ${municipality} på tlf. ${f.unitPhone}.`
      : null;
  return {
    info: { title: `Brev om samtale og "Støtte til livet med kræft" – ${municipality}`, author: municipality },
    pageMargins: [56, 56, 56, 56],
    content: [
      { text: municipality, bold: true, fontSize: 14 },
      { text: 'Kræftrehabilitering og palliation', margin: [0, 0, 0, 24] },
      { stack: recipient.map((line) => ({ text: line })), margin: [0, 0, 0, 16] },
      { text: `Dato: ${letterDate}`, alignment: 'right', margin: [0, 0, 0, 24] },
      { text: 'Din samtale om rehabilitering – og skemaet "Støtte til livet med kræft"', bold: true, fontSize: 13, margin: [0, 0, 0, 12] },
      { text: `Kære ${f.citizen.name}`, margin: [0, 0, 0, 8] },
      {
        text: `${municipality} har modtaget en henvisning til rehabilitering for dig. Tak for snakken, da vi kontaktede dig. ${meeting}`,
        margin: [0, 0, 0, 8],
      },
      { text: phone ? `${contact} ${phone}` : contact, margin: [0, 0, 0, 12] },
      { text: 'Om skemaet "Støtte til livet med kræft"', bold: true, margin: [0, 0, 0, 4] },
      {
        text: 'Med brevet følger skemaet "Støtte til livet med kræft" (på de næste sider). Skemaet hjælper dig med at sætte ord på, hvordan du har det, og hvad der fylder i din hverdag. Du markerer på en skala fra 0 til 10, hvor meget du er belastet, og sætter kryds ved de problemer, du oplever – fysisk, psykisk, socialt, praktisk og eksistentielt, om arbejde og økonomi og om dine pårørende.',
        margin: [0, 0, 0, 8],
      },
      { text: 'Hvorfor skal du udfylde det?', bold: true, margin: [0, 0, 0, 4] },
      {
        text: 'Når du har udfyldt skemaet før samtalen, kan vi sammen bruge tiden på det, der betyder mest for dig. Skemaet er udgangspunktet for vurderingen af dine behov og for den handleplan, vi laver sammen med dig. Tag skemaet med til samtalen. Du er velkommen til at have en pårørende med.',
        margin: [0, 0, 0, 16],
      },
      { text: 'Med venlig hilsen', margin: [0, 0, 0, 4] },
      { text: f.contactPerson?.name ?? municipality },
      ...(f.contactPerson ? [{ text: municipality }] : []),
      ...(f.contactPerson?.phone ? [{ text: `Tlf. ${f.contactPerson.phone}` }] : f.unitPhone ? [{ text: `Tlf. ${f.unitPhone}` }] : []),
      ...preparationFormContent(f.form, f.citizen.name),
    ],
  };
}
