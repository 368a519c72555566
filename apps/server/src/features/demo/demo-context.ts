import { addDays, addWeekdays, weekdayOnOrBefore } from './demo-dates.ts';
import type { DepartmentKey } from './demo-people.data.ts';
import type { DemoRows } from './demo-rows.ts';
import type { DemoScenario, DemoStep } from './demo-scenarios.data.ts';
import type { SeededTeam } from './demo-teams.ts';

/** What the course writers need from the rows planned before them, and the rows they add to. */
export type DemoContext = {
  rows: DemoRows;
  today: string;
  /** username → staff_user.id */
  staff: Map<string, string>;
  /** display name by staff id, for plan texts */
  staffNames: Map<string, string>;
  /** `code@host` → offering id and place */
  offerings: Map<string, { id: string; placeName: string }>;
  /** `code@home` → host municipality code */
  routes: Map<string, string>;
  /** `code@host` → team */
  teams: Map<string, SeededTeam>;
  departments: Map<DepartmentKey, string>;
  /** municipality code → a GP clinic there */
  gpClinics: Map<string, string>;
  municipalityNames: Map<string, string>;
  interventionNames: Map<string, string>;
  itemLabels: Map<string, string>;
};

const ORDER: DemoStep[] = ['received', 'first_contact', 'assessed', 'planned', 'referred_on', 'provider_contact', 'in_team', 'ended', 'closed'];

/** Has the scenario reached `step`? A declined course went as far as the plan. */
export function reached(scenario: DemoScenario, step: DemoStep): boolean {
  const at = scenario.step === 'declined' ? 'planned' : scenario.step;
  return ORDER.indexOf(at) >= ORDER.indexOf(step);
}

/** The dates of one course, all relative to the seed day and inside the §8.9 deadlines. */
export type CourseDates = {
  received: string;
  firstContact: string;
  assessed: string;
  planned: string;
  declined: string;
  crossReferral: string;
  providerContact: string;
  deeperAssessment: string;
  earliestStart: string;
  end: string;
  closingConversation: string;
  closingNote: string;
};

export function courseDates(scenario: DemoScenario, today: string): CourseDates {
  const received = weekdayOnOrBefore(addDays(today, -scenario.receivedDaysAgo));
  const planned = addWeekdays(received, 7);
  const crossReferral = addWeekdays(received, 8);
  const end = weekdayOnOrBefore(addDays(today, scenario.step === 'closed' ? -75 : -20));
  const closingConversation = addWeekdays(end, 8);
  return {
    received,
    firstContact: addWeekdays(received, 2),
    assessed: addWeekdays(received, 6),
    planned,
    declined: addWeekdays(planned, 2),
    crossReferral,
    providerContact: addWeekdays(crossReferral, 2),
    deeperAssessment: addWeekdays(crossReferral, 4),
    earliestStart: addWeekdays(crossReferral, 5),
    end,
    closingConversation,
    closingNote: addWeekdays(closingConversation, 2),
  };
}

export function slugOf(username: string): string {
  return username.split('.')[0] ?? username;
}

/** A lookup that must succeed: a miss is a bug in the demo data, so fail loudly. */
export function requireId<V>(source: ReadonlyMap<string, V> | Readonly<Record<string, V>>, key: string, what: string): V {
  const v: V | undefined = isMap(source) ? source.get(key) : source[key];
  if (v === undefined) throw new Error(`demo data: no ${what} for ${key}`);
  return v;
}

function isMap<V>(source: ReadonlyMap<string, V> | Readonly<Record<string, V>>): source is ReadonlyMap<string, V> {
  return source instanceof Map;
}
