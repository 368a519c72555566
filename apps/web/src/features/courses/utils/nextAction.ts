import type { CourseStep } from '@samkraft/contracts/start';
import type { NextStep } from '@samkraft/contracts/worklist';

/** `#kontakt`: the first contact is recorded on the course page itself. */
export const CONTACT_ANCHOR = 'kontakt';

/**
 * What to do next from where the course stands (the worklist's next step, `nextStepOf` in
 * contracts/next-step.ts) and where it is done: a sub-page of the course, or the contact form on the course page.
 */
export function nextActionOf(step: CourseStep, courseId: string): { step: NextStep; href: string | null } {
  const sub = (path: string) => `/forloeb/${courseId}/${path}`;
  switch (step) {
    case 'received':
      return { step: 'first_contact', href: `#${CONTACT_ANCHOR}` };
    case 'first_contact':
      return { step: 'initial_assessment', href: sub('behovsvurdering') };
    case 'assessed':
      return { step: 'action_plan', href: sub('handleplan') };
    case 'planned':
      return { step: 'cross_referral', href: sub('henvisning') };
    case 'referred_on':
      return { step: 'await_provider', href: sub('henvisning') };
    case 'in_intervention':
      return { step: 'follow_up', href: sub('opfoelgning') };
    case 'closing':
      return { step: 'closing_conversation', href: sub('afslutning') };
    case 'closed':
      return { step: 'none', href: null };
  }
}
