import type { CourseStep } from '@samkraft/contracts/start';

/** The events of a course that tell where it stands. */
export type CourseStepFacts = {
  closedOn: string | null;
  firstContactOn: string | null;
  initialAssessmentOn: string | null;
  planAgreedOn: string | null;
  interventions: number;
  interventionsStarted: number;
  interventionsOpen: number;
  closingConversationOn: string | null;
};

/** Derived from events, never stored, so it cannot go stale. */
export function courseStep(f: CourseStepFacts): CourseStep {
  if (f.closedOn) return 'closed';
  if (f.closingConversationOn) return 'closing';
  if (f.interventions > 0) {
    if (f.interventionsOpen === 0) return 'closing';
    return f.interventionsStarted > 0 ? 'in_intervention' : 'referred_on';
  }
  if (f.planAgreedOn) return 'planned';
  if (f.initialAssessmentOn) return 'assessed';
  if (f.firstContactOn) return 'first_contact';
  return 'received';
}
