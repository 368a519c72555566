import type { InterventionListItem } from '@samkraft/contracts/catalogue';
import { type Language, localeOf } from '../../../i18n/language.ts';

export type DosePart = InterventionListItem['dose'][number];

const partNames: Record<Language, Record<string, string>> = {
  da: {
    pt: 'Fysioterapi',
    ot: 'Ergoterapi',
    teaching: 'Undervisning',
    training: 'Træning',
    physiotherapy: 'Fysioterapi',
    physical_training: 'Fysisk træning',
    occupational_therapy: 'Ergoterapi',
    diet: 'Kostvejledning',
    dietary_advice: 'Kostvejledning',
    nursing: 'Sygepleje',
    follow_up: 'Opfølgning',
  },
  en: {
    pt: 'Physiotherapy',
    ot: 'Occupational therapy',
    teaching: 'Teaching',
    training: 'Training',
    physiotherapy: 'Physiotherapy',
    physical_training: 'Physical training',
    occupational_therapy: 'Occupational therapy',
    diet: 'Dietary advice',
    dietary_advice: 'Dietary advice',
    nursing: 'Nursing',
    follow_up: 'Follow-up',
  },
};

/** A readable name for a dose part code; unknown codes are shown with spaces. */
export function dosePartName(part: string, language: Language): string {
  const known = partNames[language][part];
  if (known) return known;
  const words = part.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "29 gange, 2 pr. uge à 60 min." / "op til 30 gange à 60 min." (and the English equivalents). */
export function formatDosePart(dose: DosePart, language: Language): string {
  const number = (n: number) => new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(n);
  if (language === 'da') {
    const count = `${dose.upTo ? 'op til ' : ''}${number(dose.sessions)} ${dose.sessions === 1 ? 'gang' : 'gange'}`;
    const rate = dose.perWeek === null ? '' : `, ${number(dose.perWeek)} pr. uge`;
    return `${count}${rate} à ${number(dose.minutes)} min.`;
  }
  const count = `${dose.upTo ? 'up to ' : ''}${number(dose.sessions)} ${dose.sessions === 1 ? 'session' : 'sessions'}`;
  const rate = dose.perWeek === null ? '' : `, ${number(dose.perWeek)} per week`;
  return `${count}${rate}, ${number(dose.minutes)} min each`;
}

/** One line per part; the part is named only when there are several (e.g. HHK). */
export function formatDose(dose: readonly DosePart[], language: Language): string[] {
  return dose.map((d) => (dose.length > 1 ? `${dosePartName(d.part, language)}: ${formatDosePart(d, language)}` : formatDosePart(d, language)));
}
