import { isoDateParts } from '@samkraft/contracts/typed';
/** The target rules of an intervention (null = no restriction on that dimension). */
export type InterventionTarget = {
  sex: 'F' | 'M' | null;
  minAge: number | null;
  maxAge: number | null;
  /** ICD-10 prefixes, e.g. `DC50` matches `DC509`. */
  diagnoses: string[] | null;
  treatmentStatuses: string[] | null;
};

export type CitizenFacts = { sex: 'F' | 'M'; age: number; diagnosisCode: string | null; treatmentStatus: string | null };

/** Whole years on `today` (both `YYYY-MM-DD`); a 29 February birthday turns over on 1 March. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = isoDateParts(birthDate);
  const [ty, tm, td] = isoDateParts(today);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function isEligible(target: InterventionTarget, c: CitizenFacts): boolean {
  if (target.sex !== null && target.sex !== c.sex) return false;
  if (target.minAge !== null && c.age < target.minAge) return false;
  if (target.maxAge !== null && c.age > target.maxAge) return false;
  if (target.diagnoses !== null) {
    const code = c.diagnosisCode;
    if (code === null || !target.diagnoses.some((p) => code.startsWith(p))) return false;
  }
  // An unknown treatment status does not exclude: a suggestion is a prompt for the contact
  // person, who confirms the status with the citizen, not a decision.
  if (target.treatmentStatuses !== null && c.treatmentStatus !== null && c.treatmentStatus !== 'unknown') {
    if (!target.treatmentStatuses.includes(c.treatmentStatus)) return false;
  }
  return true;
}

export type AssessmentArea = 'physical' | 'psychological' | 'social' | 'practical' | 'existential' | 'work_economy' | 'relatives';

/**
 * Which intervention categories can answer a problem in each area of "Støtte til livet med kræft".
 * Data, not logic, so it can be tuned: physical problems → training, interdisciplinary
 * programmes, diet and OT; psychological and existential → patient education (Livskraft) and
 * the "other" courses (mindfulness, relaxation, memory); practical → OT; social and relatives →
 * patient education, where citizens meet others. Work and economy is the job centre's and the
 * social administration's, not a catalogue intervention, so it maps to nothing.
 */
export const CATEGORIES_FOR_AREA: Record<AssessmentArea, readonly string[]> = {
  physical: ['physical_training', 'interdisciplinary', 'diet', 'occupational_therapy'],
  psychological: ['patient_education', 'other'],
  existential: ['patient_education', 'other'],
  practical: ['occupational_therapy'],
  social: ['patient_education'],
  relatives: ['patient_education'],
  work_economy: [],
};

/**
 * Without an assessment (or one with no problems) every eligible intervention is shown; with one,
 * only those whose category answers a problem area.
 */
export function answersNeeds(category: string, areas: readonly AssessmentArea[]): boolean {
  if (areas.length === 0) return true;
  return areas.some((a) => CATEGORIES_FOR_AREA[a].includes(category));
}

/**
 * Expected wait in whole weeks = waiting-list length ÷ throughput. Assumption: every seat turns
 * over once per course length (sessions ÷ sessions a week, from the intervention's dose), so a
 * team of `capacity` seats frees `capacity ÷ courseWeeks` seats a week. Nobody waiting → 0; no
 * seats or no known course length → null (unknown), never a made-up number.
 */
export function expectedWaitWeeks(o: { waiting: number; capacity: number; courseWeeks: number | null }): number | null {
  if (o.waiting === 0) return 0;
  if (o.capacity <= 0 || o.courseWeeks === null || o.courseWeeks <= 0) return null;
  return Math.ceil(o.waiting / (o.capacity / o.courseWeeks));
}

/** Course length in weeks from the dose parts: the longest part (parts run side by side). */
export function courseWeeks(parts: readonly { sessions: number; perWeek: number | null }[]): number | null {
  const weeks = parts.flatMap((p) => (p.perWeek !== null && p.perWeek > 0 ? [p.sessions / p.perWeek] : []));
  return weeks.length === 0 ? null : Math.max(...weeks);
}
