import type { CourseStep } from '@samkraft/contracts/start';
import { courseSteps } from '@samkraft/contracts/start';
import type { Language } from '../../../i18n/language.ts';
import type { TagTone } from '../../../ui/Tag.tsx';

const labels: Record<Language, Record<CourseStep, string>> = {
  da: {
    received: 'Modtaget',
    first_contact: 'Første kontakt',
    assessed: 'Behovsvurderet',
    planned: 'Handleplan',
    referred_on: 'Henvist videre',
    in_intervention: 'I forløb',
    closing: 'Afslutning',
    closed: 'Afsluttet',
  },
  en: {
    received: 'Received',
    first_contact: 'First contact',
    assessed: 'Needs assessed',
    planned: 'Action plan',
    referred_on: 'Referred on',
    in_intervention: 'In intervention',
    closing: 'Closing',
    closed: 'Closed',
  },
};

const tones: Record<CourseStep, TagTone> = {
  received: 'gray',
  first_contact: 'blue',
  assessed: 'cyan',
  planned: 'indigo',
  referred_on: 'violet',
  in_intervention: 'green',
  closing: 'yellow',
  closed: 'gray',
};

export function courseStepLabel(step: CourseStep, language: Language = 'da'): string {
  return labels[language][step];
}

export function courseStepTone(step: CourseStep): TagTone {
  return tones[step];
}

/** Orders step counts along the pathway and fills in steps the server left out with 0. */
export function orderStepCounts(counts: readonly { step: CourseStep; count: number }[]): { step: CourseStep; count: number }[] {
  return courseSteps.map((step) => ({ step, count: counts.find((c) => c.step === step)?.count ?? 0 }));
}
