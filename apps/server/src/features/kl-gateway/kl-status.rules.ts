import type { CourseCloseReason } from '@samkraft/contracts/courses';
import type { CitizenDeclineReason } from '@samkraft/contracts/cross-referrals';
import type { KlCancellationType } from '@samkraft/contracts/kl-gateway-codes';
import type { StatusNoteEndReason } from '@samkraft/contracts/status-notes';
import type { ActivityStatus, CarePlanStatus, RequestStatus } from './kl-fhir.ts';
import type { KlInterventionModel, KlReferralModel } from './kl-model.ts';

/*
 * Samkraft's states as the KL statuses, as of a day (`asOf`): what happened after it is not yet
 * known to that day's report. The cancellation reasons (CancellationTypes) are the closest KL
 * terms for Samkraft's end reasons; administrators cannot change them (see the issue note).
 */

const onOrBefore = (date: string | null, asOf: string): date is string => date !== null && date <= asOf;

export const courseClosedAsOf = (r: KlReferralModel, asOf: string): boolean => onOrBefore(r.closedOn, asOf);

/** The referral (ServiceRequest): open, or how its course closed. */
export function serviceRequestStatus(r: KlReferralModel, asOf: string, freeChoice: boolean): { status: RequestStatus; freeChoiceReason: boolean } {
  if (courseClosedAsOf(r, asOf)) {
    switch (r.closeReason) {
      case 'completed':
      case null:
        return { status: 'completed', freeChoiceReason: false };
      case 'duplicate':
        return { status: 'entered-in-error', freeChoiceReason: false };
      case 'declined':
      case 'died':
      case 'moved':
      case 'not_in_target_group':
      case 'other':
        return { status: 'revoked', freeChoiceReason: false };
    }
  }
  // §140: the citizen chose a provider outside the collaboration (frit valg); the municipality does not act on it itself.
  if (freeChoice) return { status: 'on-hold', freeChoiceReason: true };
  return { status: 'active', freeChoiceReason: false };
}

const endReasonCancellation: Record<Exclude<StatusNoteEndReason, 'completed'>, KlCancellationType> = {
  dropped_out: 'noShow',
  health_worsened: 'optedOutOtherIllness',
  died: 'eventEnds',
  moved: 'eventEnds',
  other: 'eventEnds',
};

const declineCancellation: Record<CitizenDeclineReason, KlCancellationType> = {
  not_relevant: 'notNeededCitizen',
  too_far: 'optedOutTransportLogistics',
  already_in_home_course: 'optedOutOtherTraining',
  other: 'optedOut',
};

const closeCancellation: Record<Exclude<CourseCloseReason, 'completed'>, KlCancellationType> = {
  declined: 'optedOut',
  died: 'eventEnds',
  moved: 'eventEnds',
  not_in_target_group: 'notNeededProfessional',
  duplicate: 'eventEnds',
  other: 'eventEnds',
};

export type KlCourseState = { plan: CarePlanStatus; activity: ActivityStatus; reason: KlCancellationType | null; endedOn: string | null };

/**
 * A catalogue intervention's forløb and indsats: not started, running, completed, or ended early
 * (cancelled before the first session, stopped after it) with the reason KL asks for, and the day
 * it ended when Samkraft knows it.
 */
export function interventionState(i: KlInterventionModel, r: KlReferralModel, asOf: string): KlCourseState {
  const started = onOrBefore(i.startedOn, asOf);
  const early = (reason: KlCancellationType, endedOn: string | null): KlCourseState => ({ plan: 'revoked', activity: started ? 'stopped' : 'cancelled', reason, endedOn });
  if (onOrBefore(i.endedOn, asOf)) {
    if (i.endReason === 'completed' || i.endReason === null) return { plan: 'completed', activity: 'completed', reason: null, endedOn: i.endedOn };
    return early(endReasonCancellation[i.endReason], i.endedOn);
  }
  if (i.providerDecision === 'declined') return early('notNeededProfessional', null);
  if (i.decline && onOrBefore(i.decline.declinedOn, asOf)) return early(declineCancellation[i.decline.reason], i.decline.declinedOn);
  if (courseClosedAsOf(r, asOf)) {
    if (r.closeReason === 'completed' || r.closeReason === null) return { plan: 'completed', activity: 'completed', reason: null, endedOn: r.closedOn };
    return early(closeCancellation[r.closeReason], r.closedOn);
  }
  return { plan: 'active', activity: started ? 'in-progress' : 'not-started', reason: null, endedOn: null };
}

/** The needs assessment (terapeutfaglig udredning / afklarende samtale): held, planned, or not held when the course closed. */
export function assessmentState(r: KlReferralModel, asOf: string): { plan: CarePlanStatus; activity: ActivityStatus; heldOn: string | null } | null {
  const initial = r.assessments.find((a) => a.occasion === 'initial' && a.assessedOn <= asOf);
  if (initial) return { plan: 'completed', activity: 'completed', heldOn: initial.assessedOn };
  if (!onOrBefore(r.firstContactOn, asOf)) return null;
  if (courseClosedAsOf(r, asOf)) return { plan: 'revoked', activity: 'cancelled', heldOn: null };
  return { plan: 'active', activity: r.firstOfferedOn ? 'scheduled' : 'not-started', heldOn: null };
}

export type KlConditionState = { itemCodes: string[]; recordedOn: string; active: boolean; inFocus: boolean };

/**
 * The FSIII conditions of a referral from its needs assessments up to `asOf`: first recorded at
 * the first assessment that names it, active while the latest assessment still names it, in focus
 * (problem-list-item) while active and the course is open. Items with the same FSIII code are one
 * condition. `codeOf` gives an item's FSIII code, or nothing when it is not reported.
 */
export function conditionStates(r: KlReferralModel, asOf: string, codeOf: (itemCode: string) => string | null): Map<string, KlConditionState> {
  const held = r.assessments.filter((a) => a.assessedOn <= asOf).sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
  const latest = held.at(-1);
  const latestCodes = new Set((latest?.itemCodes ?? []).map(codeOf).filter((c): c is string => c !== null));
  const open = !courseClosedAsOf(r, asOf);
  const states = new Map<string, KlConditionState>();
  for (const a of held) {
    for (const item of a.itemCodes) {
      const code = codeOf(item);
      if (code === null) continue;
      const known = states.get(code);
      if (known) {
        if (!known.itemCodes.includes(item)) known.itemCodes.push(item);
        continue;
      }
      const active = latestCodes.has(code);
      states.set(code, { itemCodes: [item], recordedOn: a.assessedOn, active, inFocus: active && open });
    }
  }
  return states;
}
