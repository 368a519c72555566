import type { SharablePlanField, SharedSnapshot } from '@samkraft/contracts/cross-referrals';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';

export type PlanForSharing = {
  version: number;
  agreedOn: string;
  difficultiesAndNeeds: string;
  purposeAndContent: string;
  location: string;
  otherAdministrations: string | null;
  returnToWork: string | null;
  goals: { description: string; targetOn: string | null }[];
  responsibilities: { part: string; responsible: string }[];
};

export type AssessmentForSharing = { assessedOn: string; problems: { itemCode: string; area: string; label: string; note: string | null }[] };

export type DiagnosisForSharing = { code: string; title: string };

export type SnapshotInput = {
  intervention: { code: string; name: string };
  placeName: string | null;
  plan: PlanForSharing | null;
  assessment: AssessmentForSharing | null;
  diagnosis: DiagnosisForSharing | null;
  share: { planFields: readonly SharablePlanField[]; assessmentItems: readonly string[]; diagnosis?: boolean | undefined };
};

/**
 * The snapshot holds exactly the chosen plan fields and assessment problems: the preview and the
 * send call this one function, so what the contact person saw is what the provider gets.
 */
export function buildSnapshot(input: SnapshotInput): SharedSnapshot {
  const { plan, assessment, share } = input;
  if (share.diagnosis && !input.diagnosis) throw AppError.validation([{ field: 'share.diagnosis', code: 'invalid_value', message: 'the referral has no diagnosis to share' }]);
  if (share.planFields.length > 0 && !plan) throw AppError.validation([{ field: 'share.planFields', code: 'plan_required', message: 'the course has no action plan to share' }]);
  const unknown = share.assessmentItems.filter((c) => !assessment?.problems.some((p) => p.itemCode === c));
  if (unknown.length > 0) {
    throw AppError.validation([{ field: 'share.assessmentItems', code: 'unknown_assessment_item', message: `not a problem of the latest needs assessment: ${unknown.join(', ')}` }]);
  }
  let sharedPlan: SharedSnapshot['plan'] = null;
  if (plan && share.planFields.length > 0) {
    const picked: NonNullable<SharedSnapshot['plan']> = { version: plan.version, agreedOn: plan.agreedOn };
    for (const f of new Set(share.planFields)) {
      switch (f) {
        case 'difficultiesAndNeeds':
        case 'purposeAndContent':
        case 'location':
          picked[f] = plan[f];
          break;
        case 'otherAdministrations':
        case 'returnToWork':
          picked[f] = plan[f];
          break;
        case 'goals':
          picked.goals = plan.goals;
          break;
        case 'responsibilities':
          picked.responsibilities = plan.responsibilities;
          break;
        default: {
          const never: never = f;
          throw new Error(`unknown plan field ${String(never)}`);
        }
      }
    }
    sharedPlan = picked;
  }
  const sharedAssessment =
    assessment && share.assessmentItems.length > 0 ? { assessedOn: assessment.assessedOn, problems: assessment.problems.filter((p) => share.assessmentItems.includes(p.itemCode)) } : null;
  // The diagnosis is in the snapshot only when chosen: what is not in it never reaches the provider.
  const diagnosis = share.diagnosis && input.diagnosis ? { diagnosis: { code: input.diagnosis.code, title: input.diagnosis.title } } : {};
  return { intervention: input.intervention, placeName: input.placeName, plan: sharedPlan, assessment: sharedAssessment, ...diagnosis };
}

/** Nothing is sent without something to send: a referral with an empty snapshot tells the provider nothing. */
export function requireSomethingShared(snapshot: SharedSnapshot): void {
  if (!snapshot.plan && !snapshot.assessment && !snapshot.diagnosis) {
    throw AppError.validation([{ field: 'share.planFields', code: 'nothing_shared', message: 'choose at least one part of the plan, the assessment or the diagnosis to share' }]);
  }
}

/** Who acts for the providing municipality on a referral sent to it: its therapists and leads. */
export function mayActAsProvider(actor: Actor, providerMunicipalityCode: string): boolean {
  return actor.kind === 'staff' && actor.municipalityCode === providerMunicipalityCode && actor.roles.some((r) => r === 'therapist' || r === 'municipal_lead');
}

/**
 * Demo and imported records hold a flat `{ label: value }` snapshot; anything not in today's shape
 * is shown as such rather than dropped, so the provider still sees all that was shared.
 */
export function readSnapshot(raw: unknown, parse: (v: unknown) => SharedSnapshot | null): SharedSnapshot {
  const parsed = parse(raw);
  if (parsed) return parsed;
  const other: { label: string; value: string }[] = [];
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const entries: [string, unknown][] = Object.entries(raw);
    for (const [label, value] of entries) {
      other.push({ label, value: Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('; ') : typeof value === 'string' ? value : JSON.stringify(value) });
    }
  }
  return { intervention: { code: '', name: '' }, placeName: null, plan: null, assessment: null, other };
}
