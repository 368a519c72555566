import type { AssessmentArea, AssessmentOccasion } from '@samkraft/contracts/assessments';
import type { FieldIssue } from '../../platform/errors.ts';
import { isoDateParts } from '@samkraft/contracts/typed';

export type PlanDateFacts = {
  version: number;
  today: string;
  agreedOn: string;
  evaluationOn: string;
  firstFollowUpOn: string;
  goalTargets: (string | null | undefined)[];
  revisionReason: string | null | undefined;
};

/**
 * What the schema cannot check: the dates against each other and today, and that a revision
 * (every version after the first) says why the plan changed — versions are kept to show that.
 */
export function checkPlanInput(f: PlanDateFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.agreedOn > f.today) issues.push({ field: 'agreedOn', code: 'future_date', message: 'must not be in the future' });
  if (f.firstFollowUpOn < f.agreedOn) issues.push({ field: 'firstFollowUpOn', code: 'before_agreed', message: 'must be on or after the date the plan was agreed' });
  if (f.evaluationOn < f.agreedOn) issues.push({ field: 'evaluationOn', code: 'before_agreed', message: 'must be on or after the date the plan was agreed' });
  f.goalTargets.forEach((t, i) => {
    if (t && t < f.agreedOn) issues.push({ field: `goals[${i}].targetOn`, code: 'before_agreed', message: 'must be on or after the date the plan was agreed' });
  });
  if (f.version > 1 && !f.revisionReason?.trim()) issues.push({ field: 'revisionReason', code: 'required', message: 'is required when the plan is revised' });
  return issues;
}

/** Danish calendar date as the citizen reads it: 4. marts 2026. */
export function danishLongDate(iso: string): string {
  const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
  const [y, m, d] = isoDateParts(iso);
  return `${d}. ${months[m - 1] ?? ''} ${y}`;
}

/** What the plan's draft needs of a needs assessment. */
export type AssessmentForDraft = {
  occasion: AssessmentOccasion;
  assessedOn: string;
  scaleScore: number | null;
  whatMattersMost: string | null;
  professionalAssessment: string | null;
  problems: { area: AssessmentArea; labelDa: string; note: string | null }[];
};

const AREA_DA: Record<AssessmentArea, string> = {
  physical: 'Fysisk',
  psychological: 'Psykisk',
  social: 'Socialt',
  practical: 'Praktisk',
  existential: 'Eksistentielt',
  work_economy: 'Arbejde og økonomi',
  relatives: 'Pårørende',
};

const OCCASION_DA: Record<AssessmentOccasion, string> = { initial: 'indledende', change: 'ændret tilstand', end: 'afsluttende' };

/**
 * The plan's "difficulties and needs" as found in the needs assessment, in Danish: the problems
 * by area (with their notes), what matters most to the citizen, and the professional assessment.
 */
export function draftDifficultiesAndNeeds(a: AssessmentForDraft): string {
  const lines = [`Fra behovsvurderingen ${danishLongDate(a.assessedOn)} (${OCCASION_DA[a.occasion]})${a.scaleScore === null ? '' : `, borgerens belastning ${a.scaleScore} af 10`}:`];
  const areas = [...new Set(a.problems.map((p) => p.area))];
  if (areas.length === 0) lines.push('Ingen problemer markeret.');
  for (const area of areas) {
    const items = a.problems.filter((p) => p.area === area).map((p) => (p.note?.trim() ? `${p.labelDa} (${p.note.trim()})` : p.labelDa));
    lines.push(`- ${AREA_DA[area]}: ${items.join('; ')}`);
  }
  if (a.whatMattersMost?.trim()) lines.push(`Det vigtigste for borgeren: ${a.whatMattersMost.trim()}`);
  if (a.professionalAssessment?.trim()) lines.push(`Den sundhedsfaglige vurdering: ${a.professionalAssessment.trim()}`);
  return lines.join('\n');
}
