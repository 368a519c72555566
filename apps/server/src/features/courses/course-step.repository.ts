import { sql } from 'kysely';
import type { CourseStepFacts } from './course-step.rules.ts';

/**
 * The events a course's step is derived from, as correlated subqueries on a course aliased `k`.
 * The one SQL definition of them: the course page and every course list select these.
 */
export function courseStepFactColumns() {
  return [
    sql<string | null>`(select min(x.contacted_on) from course_contact x where x.course_id = k.id and x.reached)`.as('first_contact_on'),
    sql<string | null>`(select min(n.assessed_on) from needs_assessment n where n.course_id = k.id and n.occasion = 'initial')`.as('initial_assessment_on'),
    sql<string | null>`(select min(p.agreed_on) from action_plan p where p.course_id = k.id)`.as('plan_agreed_on'),
    sql<number>`(select count(*)::int from cross_referral x where x.course_id = k.id and x.provider_decision is distinct from 'declined')`.as('interventions'),
    sql<number>`(select count(*)::int from cross_referral x where x.course_id = k.id and x.started_on is not null)`.as('interventions_started'),
    sql<number>`(select count(*)::int from cross_referral x where x.course_id = k.id and x.ended_on is null and x.provider_decision is distinct from 'declined')`.as('interventions_open'),
    sql<string | null>`(select cc.held_on from closing_conversation cc where cc.course_id = k.id)`.as('closing_conversation_on'),
  ] as const;
}

type StepFactRow = {
  closed_on: string | null;
  first_contact_on: string | null;
  initial_assessment_on: string | null;
  plan_agreed_on: string | null;
  interventions: number;
  interventions_started: number;
  interventions_open: number;
  closing_conversation_on: string | null;
};

export function toStepFacts(r: StepFactRow): CourseStepFacts {
  return {
    closedOn: r.closed_on,
    firstContactOn: r.first_contact_on,
    initialAssessmentOn: r.initial_assessment_on,
    planAgreedOn: r.plan_agreed_on,
    interventions: r.interventions,
    interventionsStarted: r.interventions_started,
    interventionsOpen: r.interventions_open,
    closingConversationOn: r.closing_conversation_on,
  };
}
