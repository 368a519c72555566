import { deadlineKinds, type Deadline, type DeadlineKind, type DeadlineState, type DeadlineUnit, type PauseReason } from '@samkraft/contracts/deadlines';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  countWorkingDays,
  maxDate,
  minDate,
  workingDaysBetween,
  type Calendar,
  type IsoDate,
} from '../calendar/calendar.rules.ts';

/**
 * The deadlines of a course (note §8.9, Table 5; §140 since 2018), derived from its events —
 * never stored. Each clock takes the policy in force on the day it started, so a policy change
 * moves only clocks started on or after its effective date.
 */

export type { Deadline, DeadlineKind, DeadlineState };

export type PolicyRecord = { kind: DeadlineKind; amount: number; unit: DeadlineUnit; effectiveFrom: IsoDate };

export type PauseRecord = {
  id: string;
  deadlineKind: DeadlineKind;
  crossReferralId: string | null;
  pausedOn: IsoDate;
  resumedOn: IsoDate | null;
  reason: PauseReason;
};

export type CrossReferralKind = 'cross_municipal' | 'home' | 'temporary_home' | 'free_choice_outside';

export type CrossReferralFacts = {
  id: string;
  kind: CrossReferralKind;
  interventionCategory: string;
  providerMunicipalityCode: string;
  /** The Danish date it was sent; null while not sent. */
  sentOn: IsoDate | null;
  receivedOn: IsoDate;
  providerDeclined: boolean;
  /** The earliest date the citizen declined this offer, if they did. */
  citizenDeclinedOn: IsoDate | null;
  providerContactOn: IsoDate | null;
  deeperAssessmentOn: IsoDate | null;
  startedOn: IsoDate | null;
  endedOn: IsoDate | null;
  /** The latest `course_end_on` of its end status notes. */
  endNoteCourseEndOn: IsoDate | null;
};

export type CourseFacts = {
  courseId: string;
  homeMunicipalityCode: string;
  receivedOn: IsoDate;
  closedOn: IsoDate | null;
  /** The earliest decline of the whole course (not of one offer). */
  courseDeclinedOn: IsoDate | null;
  legalBasis: string | null;
  source: string;
  dischargedOn: IsoDate | null;
  planClinicalStartOn: IsoDate | null;
  /** The first contact that reached the citizen. */
  firstContactOn: IsoDate | null;
  initialAssessmentOn: IsoDate | null;
  closingConversationOn: IsoDate | null;
  crossReferrals: CrossReferralFacts[];
  pauses: PauseRecord[];
};

export type DeriveContext = {
  policies: readonly PolicyRecord[];
  /** The calendar of the municipality that must act. */
  calendarOf: (municipalityCode: string) => Calendar;
  /** The Danish date to compute states for. */
  today: IsoDate;
  /** Only these kinds (all when absent): a report reading one deadline derives only that one. */
  kinds?: readonly DeadlineKind[];
};

/** Interventions with physical training, occupational therapy or diet get a deeper assessment (note §8.9). */
export const DEEPER_ASSESSMENT_CATEGORIES: ReadonlySet<string> = new Set(['physical_training', 'occupational_therapy', 'diet', 'interdisciplinary']);

const DUE_SOON_WORKING_DAYS = 2;

/** The policy in force on the day a clock started: the latest one effective on or before it. */
export function policyInForce(policies: readonly PolicyRecord[], kind: DeadlineKind, clockStartedOn: IsoDate): PolicyRecord | undefined {
  let found: PolicyRecord | undefined;
  for (const p of policies) {
    if (p.kind === kind && p.effectiveFrom <= clockStartedOn && (!found || p.effectiveFrom > found.effectiveFrom)) found = p;
  }
  return found;
}

export function dueDateOf(policy: PolicyRecord, calendar: Calendar, clockStartedOn: IsoDate): IsoDate {
  switch (policy.unit) {
    case 'working_days':
      return addWorkingDays(calendar, clockStartedOn, policy.amount);
    case 'calendar_days':
      return addCalendarDays(clockStartedOn, policy.amount);
    case 'months':
      return addMonths(clockStartedOn, policy.amount);
  }
}

type ClockSpec = {
  kind: DeadlineKind;
  actor: 'home' | 'provider';
  municipalityCode: string;
  crossReferralId: string | null;
  clockStartedOn: IsoDate;
  metOn: IsoDate | null;
  /** The course (or offer) ended or was declined: an unmet deadline due after this no longer applies. */
  stopOn: IsoDate | null;
  /** A due date the rule may not set earlier than (§140: a later clinical start in the plan). */
  notBefore?: IsoDate | null;
  /** A statutory due date the rule may not set later than (§140 for the provider's start). */
  notAfter?: { on: IsoDate; law: 'sul140' } | null;
};

function earliest(dates: readonly (IsoDate | null)[]): IsoDate | null {
  return dates.reduce<IsoDate | null>((a, d) => (d === null ? a : a === null ? d : minDate(a, d)), null);
}

function latest(dates: readonly (IsoDate | null)[]): IsoDate | null {
  return dates.reduce<IsoDate | null>((a, d) => (d === null ? a : a === null ? d : maxDate(a, d)), null);
}

/** Working days the clock stood still: overlapping pauses count once; nothing after it was met. */
function pausedWorkingDays(calendar: Calendar, spec: ClockSpec, pauses: readonly PauseRecord[], today: IsoDate): number {
  if (pauses.length === 0) return 0;
  const cap = earliest([spec.metOn, spec.stopOn, addCalendarDays(today, 1)]) ?? addCalendarDays(today, 1);
  const ranges = pauses
    .map((p) => ({ from: maxDate(p.pausedOn, spec.clockStartedOn), until: minDate(p.resumedOn ?? cap, cap) }))
    .filter((r) => r.from < r.until)
    .sort((a, b) => a.from.localeCompare(b.from));
  let total = 0;
  let covered: IsoDate | null = null;
  for (const r of ranges) {
    const from = covered && covered > r.from ? covered : r.from;
    if (from < r.until) total += workingDaysBetween(calendar, from, r.until);
    covered = covered ? maxDate(covered, r.until) : r.until;
  }
  return total;
}

function evaluate(spec: ClockSpec, course: CourseFacts, ctx: DeriveContext): Deadline | null {
  const policy = policyInForce(ctx.policies, spec.kind, spec.clockStartedOn);
  if (!policy) return null;
  const calendar = ctx.calendarOf(spec.municipalityCode);
  let baseDue = dueDateOf(policy, calendar, spec.clockStartedOn);
  if (spec.notBefore) baseDue = maxDate(baseDue, spec.notBefore);
  const pauses = course.pauses.length === 0 ? course.pauses : course.pauses.filter((p) => p.deadlineKind === spec.kind && p.crossReferralId === spec.crossReferralId);
  const paused = pausedWorkingDays(calendar, spec, pauses, ctx.today);
  const ownDue = paused > 0 ? addWorkingDays(calendar, baseDue, paused) : baseDue;
  const limitedBy = spec.notAfter && spec.notAfter.on < ownDue ? spec.notAfter.law : null;
  const dueOn = limitedBy && spec.notAfter ? spec.notAfter.on : ownDue;
  const openPause = pauses.find((p) => p.resumedOn === null) ?? null;

  let state: DeadlineState;
  let doneOn: IsoDate;
  if (spec.metOn !== null) {
    state = spec.metOn <= dueOn ? 'met' : 'met_late';
    doneOn = spec.metOn;
  } else {
    if (spec.stopOn !== null && spec.stopOn <= dueOn) return null;
    doneOn = spec.stopOn !== null ? minDate(ctx.today, spec.stopOn) : ctx.today;
    if (openPause && spec.stopOn === null) state = 'paused';
    else if (doneOn > dueOn) state = 'overdue';
    else state = countWorkingDays(calendar, doneOn, dueOn) <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'open';
  }
  const delayCause = state === 'overdue' || state === 'met_late' ? 'municipality' : paused > 0 && doneOn > baseDue ? 'citizen' : null;
  return {
    kind: spec.kind,
    actor: spec.actor,
    municipalityCode: spec.municipalityCode,
    crossReferralId: spec.crossReferralId,
    clockStartedOn: spec.clockStartedOn,
    dueOn,
    metOn: spec.metOn,
    state,
    pausedWorkingDays: paused,
    delayCause,
    openPauseId: openPause?.id ?? null,
    policy: { amount: policy.amount, unit: policy.unit, effectiveFrom: policy.effectiveFrom },
    limitedBy,
  };
}

function isSettled(r: CrossReferralFacts): boolean {
  return r.providerDeclined || r.citizenDeclinedOn !== null || r.endedOn !== null || r.endNoteCourseEndOn !== null;
}

/** Every deadline of one course that applies to it, home deadlines first. */
export function deriveDeadlines(course: CourseFacts, ctx: DeriveContext): Deadline[] {
  const home = course.homeMunicipalityCode;
  const courseStop = earliest([course.closedOn, course.courseDeclinedOn]);
  const crossMunicipal = course.crossReferrals.filter((r) => r.kind === 'cross_municipal');
  const specs: ClockSpec[] = [
    { kind: 'first_contact', actor: 'home', municipalityCode: home, crossReferralId: null, clockStartedOn: course.receivedOn, metOn: course.firstContactOn, stopOn: courseStop },
    { kind: 'initial_assessment', actor: 'home', municipalityCode: home, crossReferralId: null, clockStartedOn: course.receivedOn, metOn: course.initialAssessmentOn, stopOn: courseStop },
    {
      kind: 'cross_referral',
      actor: 'home',
      municipalityCode: home,
      crossReferralId: null,
      clockStartedOn: course.receivedOn,
      metOn: earliest(crossMunicipal.map((r) => r.sentOn)),
      stopOn: courseStop,
    },
  ];

  if ((course.legalBasis === 'SUL140' || course.source === 'hospital_gop') && course.dischargedOn) {
    specs.push({
      kind: 'sul140_training_start',
      actor: 'home',
      municipalityCode: home,
      crossReferralId: null,
      clockStartedOn: course.dischargedOn,
      // Training in any form counts: at home, temporarily at home, across municipalities or outside.
      metOn: earliest(course.crossReferrals.filter((r) => !r.providerDeclined).map((r) => r.startedOn)),
      stopOn: courseStop,
      notBefore: course.planClinicalStartOn,
    });
  }

  // The statutory start (§140) binds the provider too: its start is due no later than that.
  const sul140Spec = specs.find((x) => x.kind === 'sul140_training_start');
  const sul140 = sul140Spec ? evaluate(sul140Spec, course, ctx) : null;
  const statutoryStart = sul140 ? { on: sul140.dueOn, law: 'sul140' as const } : null;

  const ended = crossMunicipal.filter((r) => r.endedOn !== null || r.endNoteCourseEndOn !== null);
  if (ended.length > 0 && crossMunicipal.every(isSettled)) {
    const courseEndOn = latest(ended.flatMap((r) => [r.endedOn, r.endNoteCourseEndOn]));
    if (courseEndOn) {
      specs.push({ kind: 'closing_conversation', actor: 'home', municipalityCode: home, crossReferralId: null, clockStartedOn: courseEndOn, metOn: course.closingConversationOn, stopOn: courseStop });
    }
  }

  for (const r of crossMunicipal) {
    if (r.providerDeclined || r.sentOn === null) continue;
    const provider = { actor: 'provider' as const, municipalityCode: r.providerMunicipalityCode, crossReferralId: r.id, clockStartedOn: r.receivedOn };
    const stopOn = earliest([courseStop, r.citizenDeclinedOn, r.endedOn]);
    specs.push({ ...provider, kind: 'provider_contact', metOn: r.providerContactOn, stopOn });
    if (DEEPER_ASSESSMENT_CATEGORIES.has(r.interventionCategory)) specs.push({ ...provider, kind: 'deeper_assessment', metOn: r.deeperAssessmentOn, stopOn });
    specs.push({ ...provider, kind: 'provider_start', metOn: r.startedOn, stopOn, notAfter: statutoryStart });
  }

  const wanted = ctx.kinds ? specs.filter((s) => ctx.kinds?.includes(s.kind)) : specs;
  return wanted.map((s) => evaluate(s, course, ctx)).filter((d): d is Deadline => d !== null);
}

const stillToMeet = (d: Deadline): boolean => d.state !== 'met' && d.state !== 'met_late';

/** Most urgent first: deadlines running before paused ones, then by due date, then in pathway order. */
export function compareUrgency(a: Deadline, b: Deadline): number {
  const rank = (d: Deadline): number => (stillToMeet(d) ? (d.state === 'paused' ? 1 : 0) : 2);
  return rank(a) - rank(b) || a.dueOn.localeCompare(b.dueOn) || deadlineKinds.indexOf(a.kind) - deadlineKinds.indexOf(b.kind);
}

/** The most urgent deadline still to meet (for the worklist), or null when all are met. */
export function nextDeadline(deadlines: readonly Deadline[]): Deadline | null {
  return deadlines.filter(stillToMeet).sort(compareUrgency)[0] ?? null;
}
