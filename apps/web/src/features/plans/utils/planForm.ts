import type { ActionPlan, ActionPlanCreate, GoalStatus } from '@samkraft/contracts/plans';

export type PlanFormValues = {
  agreedOn: string;
  difficultiesAndNeeds: string;
  purposeAndContent: string;
  location: string;
  responsibilities: { part: string; responsible: string }[];
  otherAdministrations: string;
  returnToWork: string;
  evaluationOn: string;
  evaluationBy: string;
  firstFollowUpOn: string;
  goals: { description: string; targetOn: string; status: GoalStatus }[];
  revisionReason: string;
};

export function emptyPlanForm(today: string): PlanFormValues {
  return {
    agreedOn: today,
    difficultiesAndNeeds: '',
    purposeAndContent: '',
    location: '',
    responsibilities: [{ part: '', responsible: '' }],
    otherAdministrations: '',
    returnToWork: '',
    evaluationOn: '',
    evaluationBy: '',
    firstFollowUpOn: '',
    goals: [{ description: '', targetOn: '', status: 'open' }],
    revisionReason: '',
  };
}

/** A revision starts from the current version, agreed today, with an empty reason. */
export function planFormFrom(plan: ActionPlan, today: string): PlanFormValues {
  return {
    agreedOn: today,
    difficultiesAndNeeds: plan.difficultiesAndNeeds,
    purposeAndContent: plan.purposeAndContent,
    location: plan.location,
    responsibilities: plan.responsibilities.map((r) => ({ ...r })),
    otherAdministrations: plan.otherAdministrations ?? '',
    returnToWork: plan.returnToWork ?? '',
    evaluationOn: plan.evaluationOn ?? '',
    evaluationBy: plan.evaluationBy ?? '',
    firstFollowUpOn: plan.firstFollowUpOn < today ? today : plan.firstFollowUpOn,
    goals: plan.goals.map((g) => ({ description: g.description, targetOn: g.targetOn ?? '', status: g.status })),
    revisionReason: '',
  };
}

/** Empty optional fields are sent as null; empty required ones as they are, so the server names them. */
export function toPlanBody(v: PlanFormValues, revision: boolean): ActionPlanCreate {
  return {
    agreedOn: v.agreedOn,
    difficultiesAndNeeds: v.difficultiesAndNeeds,
    purposeAndContent: v.purposeAndContent,
    location: v.location,
    responsibilities: v.responsibilities,
    otherAdministrations: v.otherAdministrations,
    returnToWork: v.returnToWork.trim() ? v.returnToWork : null,
    evaluationOn: v.evaluationOn,
    evaluationBy: v.evaluationBy,
    firstFollowUpOn: v.firstFollowUpOn,
    goals: v.goals.map((g) => ({ description: g.description, targetOn: g.targetOn || null, status: g.status })),
    revisionReason: revision ? v.revisionReason : null,
  };
}
