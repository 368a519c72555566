import type { CourseStep } from './start.ts';
import type { NextStep } from './worklist.ts';

/**
 * What the contact person must do next, from where the course stands: the worklist's next step
 * (server) and the course page's next action (web) both follow this one rule.
 */
export function nextStepOf(step: CourseStep): NextStep {
  switch (step) {
    case 'received':
      return 'first_contact';
    case 'first_contact':
      return 'initial_assessment';
    case 'assessed':
      return 'action_plan';
    case 'planned':
      return 'cross_referral';
    case 'referred_on':
      return 'await_provider';
    case 'in_intervention':
      return 'follow_up';
    case 'closing':
      return 'closing_conversation';
    case 'closed':
      return 'none';
  }
}
