import type { AssessmentArea, AssessmentChange, AssessmentOccasion } from '@samkraft/contracts/assessments';
import { assessmentAreas } from '@samkraft/contracts/assessments';

export type AssessmentForChange = {
  id: string;
  occasion: AssessmentOccasion;
  assessedOn: string;
  recordedAt: string;
  scaleScore: number | null;
  problems: { itemCode: string; area: AssessmentArea }[];
};

/** Oldest first: by assessment date, then by when it was recorded (two on one day keep their order). */
export function orderAssessments<T extends { assessedOn: string; recordedAt: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.recordedAt.localeCompare(b.recordedAt));
}

/**
 * The change view: the initial assessment against the latest later one (change or end), per
 * area — problems added, resolved and continuing — and the change of the 0–10 score. Null until
 * both exist, because change is only meaningful against the baseline.
 */
export function computeAssessmentChange(list: readonly AssessmentForChange[]): AssessmentChange | null {
  const ordered = orderAssessments(list);
  const initial = ordered.find((a) => a.occasion === 'initial');
  const later = ordered.filter((a) => a.occasion !== 'initial');
  const latest = later.at(-1);
  if (!initial || !latest) return null;
  const before = new Map(initial.problems.map((p) => [p.itemCode, p.area]));
  const after = new Map(latest.problems.map((p) => [p.itemCode, p.area]));
  const areas = assessmentAreas
    .map((area) => {
      const inArea = (m: Map<string, AssessmentArea>) => [...m].filter(([, a]) => a === area).map(([code]) => code).sort();
      const b = inArea(before);
      const a = inArea(after);
      return {
        area,
        added: a.filter((c) => !before.has(c)),
        resolved: b.filter((c) => !after.has(c)),
        continuing: b.filter((c) => after.has(c)),
      };
    })
    .filter((x) => x.added.length + x.resolved.length + x.continuing.length > 0);
  const scoreChange = initial.scaleScore === null || latest.scaleScore === null ? null : latest.scaleScore - initial.scaleScore;
  return {
    from: { id: initial.id, occasion: initial.occasion, assessedOn: initial.assessedOn },
    to: { id: latest.id, occasion: latest.occasion, assessedOn: latest.assessedOn },
    scoreChange,
    areas,
  };
}
