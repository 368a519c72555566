import { describe, expect, it } from 'vitest';
import { courseStep, type CourseStepFacts } from './course-step.rules.ts';

const base: CourseStepFacts = {
  closedOn: null,
  firstContactOn: null,
  initialAssessmentOn: null,
  planAgreedOn: null,
  interventions: 0,
  interventionsStarted: 0,
  interventionsOpen: 0,
  closingConversationOn: null,
};

describe('courseStep', () => {
  it('walks the pathway in order', () => {
    expect(courseStep(base)).toBe('received');
    expect(courseStep({ ...base, firstContactOn: '2026-01-05' })).toBe('first_contact');
    expect(courseStep({ ...base, firstContactOn: '2026-01-05', initialAssessmentOn: '2026-01-09' })).toBe('assessed');
    expect(courseStep({ ...base, planAgreedOn: '2026-01-09' })).toBe('planned');
    expect(courseStep({ ...base, planAgreedOn: '2026-01-09', interventions: 1, interventionsOpen: 1 })).toBe('referred_on');
    expect(courseStep({ ...base, interventions: 2, interventionsStarted: 1, interventionsOpen: 2 })).toBe('in_intervention');
    expect(courseStep({ ...base, interventions: 2, interventionsStarted: 2, interventionsOpen: 0 })).toBe('closing');
    expect(courseStep({ ...base, closingConversationOn: '2026-03-01', interventions: 1, interventionsOpen: 0 })).toBe('closing');
    expect(courseStep({ ...base, closedOn: '2026-03-02' })).toBe('closed');
  });
});
