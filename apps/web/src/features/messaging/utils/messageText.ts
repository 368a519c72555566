import { careCommunicationCategories } from '@samkraft/contracts/carecommunication-categories';
import type { Language } from '../../../i18n/language.ts';

/** A MedCom category's name in the UI language (the code itself when it is not on MedCom's list). */
export function categoryLabel(code: string | null, language: Language): string | null {
  if (code === null) return null;
  const found = careCommunicationCategories.find((c) => c.code === code.toLowerCase());
  return found ? found[language] : code;
}

/** MedCom's categories for a picker, by their name in the UI language. */
export function categoryOptions(language: Language): { value: string; label: string }[] {
  return careCommunicationCategories.map((c) => ({ value: c.code, label: c[language] })).sort((a, b) => a.label.localeCompare(b.label, language));
}

/** An organisation as a picker names it: under its hospital, when it has one. */
export function organisationLabel(o: { name: string; parentName: string | null }): string {
  return o.parentName ? `${o.parentName} – ${o.name}` : o.name;
}
