import { describe, expect, it } from 'vitest';
import { createCalendar, defaultCalendar, type Calendar } from '../calendar/calendar.rules.ts';
import { DEADLINE_POLICIES } from '../reference-data/policies.data.ts';
import {
  deriveDeadlines,
  nextDeadline,
  policyInForce,
  type CourseFacts,
  type CrossReferralFacts,
  type Deadline,
  type DeriveContext,
  type PolicyRecord,
} from './deadline.rules.ts';

const NOTE_POLICIES: PolicyRecord[] = DEADLINE_POLICIES.map((p) => ({ kind: p.kind, amount: p.amount, unit: p.unit, effectiveFrom: p.effectiveFrom }));
// Lyngby-Taarbæk (provider) closes one extra day in this test.
const providerCalendar: Calendar = createCalendar([{ month: 6, day: 5 }, { month: 12, day: 24 }, { month: 12, day: 31 }, { date: '2025-04-16' }]);

function ctx(today: string, policies: PolicyRecord[] = NOTE_POLICIES): DeriveContext {
  return { policies, today, calendarOf: (code) => (code === '0173' ? providerCalendar : defaultCalendar) };
}

function aCourse(o: Partial<CourseFacts> = {}): CourseFacts {
  return {
    courseId: 'k1',
    homeMunicipalityCode: '0159',
    receivedOn: '2025-03-03',
    closedOn: null,
    courseDeclinedOn: null,
    legalBasis: 'SUL119',
    source: 'gp',
    dischargedOn: null,
    planClinicalStartOn: null,
    firstContactOn: null,
    initialAssessmentOn: null,
    closingConversationOn: null,
    crossReferrals: [],
    pauses: [],
    ...o,
  };
}

function aCrossReferral(o: Partial<CrossReferralFacts> = {}): CrossReferralFacts {
  return {
    id: 'x1',
    kind: 'cross_municipal',
    interventionCategory: 'physical_training',
    providerMunicipalityCode: '0173',
    sentOn: '2025-04-15',
    receivedOn: '2025-04-15',
    providerDeclined: false,
    citizenDeclinedOn: null,
    providerContactOn: null,
    deeperAssessmentOn: null,
    startedOn: null,
    endedOn: null,
    endNoteCourseEndOn: null,
    ...o,
  };
}

function find(deadlines: Deadline[], kind: Deadline['kind'], crossReferralId: string | null = null): Deadline | undefined {
  return deadlines.find((d) => d.kind === kind && d.crossReferralId === crossReferralId);
}

describe('home deadlines from the referral', () => {
  it('derives first contact, initial assessment and cross-municipal referral from receipt', () => {
    const ds = deriveDeadlines(aCourse(), ctx('2025-03-04'));
    expect(ds.map((d) => [d.kind, d.actor, d.clockStartedOn, d.dueOn, d.state])).toEqual([
      ['first_contact', 'home', '2025-03-03', '2025-03-10', 'open'],
      ['initial_assessment', 'home', '2025-03-03', '2025-03-17', 'open'],
      ['cross_referral', 'home', '2025-03-03', '2025-03-17', 'open'],
    ]);
    expect(find(ds, 'first_contact')?.policy).toEqual({ amount: 5, unit: 'working_days', effectiveFrom: '2014-01-01' });
  });

  it('is due soon within 2 working days, overdue after the due date', () => {
    const state = (today: string): string | undefined => find(deriveDeadlines(aCourse(), ctx(today)), 'first_contact')?.state;
    expect(state('2025-03-05')).toBe('open');
    expect(state('2025-03-06')).toBe('due_soon');
    expect(state('2025-03-08')).toBe('due_soon');
    expect(state('2025-03-10')).toBe('due_soon');
    expect(state('2025-03-11')).toBe('overdue');
    expect(find(deriveDeadlines(aCourse(), ctx('2025-03-11')), 'first_contact')?.delayCause).toBe('municipality');
  });

  it('is met on or before the due date, met late after it', () => {
    const met = find(deriveDeadlines(aCourse({ firstContactOn: '2025-03-10' }), ctx('2025-06-02')), 'first_contact');
    expect(met).toMatchObject({ state: 'met', metOn: '2025-03-10', delayCause: null });
    const late = find(deriveDeadlines(aCourse({ firstContactOn: '2025-03-11' }), ctx('2025-06-02')), 'first_contact');
    expect(late).toMatchObject({ state: 'met_late', delayCause: 'municipality' });
  });

  it('counts across Easter 2025 for a referral received before it', () => {
    const ds = deriveDeadlines(aCourse({ receivedOn: '2025-04-15' }), ctx('2025-04-15'));
    expect(find(ds, 'first_contact')?.dueOn).toBe('2025-04-25');
    expect(find(ds, 'initial_assessment')?.dueOn).toBe('2025-05-02');
  });

  it('meets the cross-municipal referral deadline with the first one sent', () => {
    const course = aCourse({
      crossReferrals: [aCrossReferral({ id: 'x2', sentOn: '2025-03-20', receivedOn: '2025-03-20' }), aCrossReferral({ id: 'x1', sentOn: '2025-03-14', receivedOn: '2025-03-14' })],
    });
    expect(find(deriveDeadlines(course, ctx('2025-06-02')), 'cross_referral')).toMatchObject({ metOn: '2025-03-14', state: 'met' });
  });

  it('drops unmet deadlines of a course closed before they fell due, keeps the missed ones', () => {
    const closedEarly = deriveDeadlines(aCourse({ closedOn: '2025-03-05' }), ctx('2025-06-02'));
    expect(closedEarly).toEqual([]);
    const metThenClosed = deriveDeadlines(aCourse({ closedOn: '2025-03-05', firstContactOn: '2025-03-04' }), ctx('2025-06-02'));
    expect(metThenClosed.map((d) => [d.kind, d.state])).toEqual([['first_contact', 'met']]);
    // Closed on 12 March: first contact was due on the 10th and missed; the others fell due later.
    const closedLate = deriveDeadlines(aCourse({ closedOn: '2025-03-12' }), ctx('2025-06-02'));
    expect(closedLate.map((d) => [d.kind, d.state])).toEqual([['first_contact', 'overdue']]);
    const declined = deriveDeadlines(aCourse({ courseDeclinedOn: '2025-03-20' }), ctx('2025-06-02'));
    expect(declined.map((d) => [d.kind, d.state])).toEqual([['first_contact', 'overdue'], ['initial_assessment', 'overdue'], ['cross_referral', 'overdue']]);
  });
});

describe('effective-dated policies', () => {
  const changed: PolicyRecord[] = [...NOTE_POLICIES, { kind: 'first_contact', amount: 10, unit: 'working_days', effectiveFrom: '2025-04-01' }];

  it('takes the policy in force on the day the clock started', () => {
    expect(policyInForce(changed, 'first_contact', '2025-03-31')?.amount).toBe(5);
    expect(policyInForce(changed, 'first_contact', '2025-04-01')?.amount).toBe(10);
    expect(policyInForce(changed, 'sul140_training_start', '2018-06-30')).toBeUndefined();
  });

  it('moves only clocks started on or after the effective date', () => {
    const before = find(deriveDeadlines(aCourse({ receivedOn: '2025-03-31' }), ctx('2025-04-01', changed)), 'first_contact');
    const after = find(deriveDeadlines(aCourse({ receivedOn: '2025-04-01' }), ctx('2025-04-01', changed)), 'first_contact');
    expect(before?.dueOn).toBe('2025-04-07');
    expect(after).toMatchObject({ dueOn: '2025-04-15', policy: { amount: 10, effectiveFrom: '2025-04-01' } });
  });
});

describe('pauses', () => {
  const pause = { id: 'p1', deadlineKind: 'first_contact' as const, crossReferralId: null, pausedOn: '2025-03-05', reason: 'citizen_wish' as const };

  it('moves the due date by the paused working days and names the citizen as the cause', () => {
    const course = (firstContactOn: string | null): CourseFacts => aCourse({ firstContactOn, pauses: [{ ...pause, resumedOn: '2025-03-07' }] });
    const within = find(deriveDeadlines(course('2025-03-12'), ctx('2025-06-02')), 'first_contact');
    expect(within).toMatchObject({ dueOn: '2025-03-12', pausedWorkingDays: 2, state: 'met', delayCause: 'citizen' });
    const early = find(deriveDeadlines(course('2025-03-07'), ctx('2025-06-02')), 'first_contact');
    expect(early).toMatchObject({ state: 'met', delayCause: null });
    const late = find(deriveDeadlines(course('2025-03-13'), ctx('2025-06-02')), 'first_contact');
    expect(late).toMatchObject({ state: 'met_late', delayCause: 'municipality' });
  });

  it('is paused while a pause is open, its due date moving with the days', () => {
    const course = aCourse({ pauses: [{ ...pause, reason: 'hospital_admission', resumedOn: null }] });
    const d = find(deriveDeadlines(course, ctx('2025-03-11')), 'first_contact');
    // Paused Wed 5 – Tue 11: 5 working days; 10 March + 5 = 17 March.
    expect(d).toMatchObject({ state: 'paused', pausedWorkingDays: 5, dueOn: '2025-03-17', openPauseId: 'p1', delayCause: 'citizen' });
    expect(find(deriveDeadlines(course, ctx('2025-03-11')), 'initial_assessment')?.pausedWorkingDays).toBe(0);
  });

  it('counts overlapping pauses once and nothing after the deadline was met', () => {
    const course = aCourse({
      firstContactOn: '2025-03-06',
      pauses: [
        { ...pause, resumedOn: '2025-03-07' },
        { ...pause, id: 'p2', pausedOn: '2025-03-04', resumedOn: '2025-03-06' },
      ],
    });
    // Paused 4 and 5 March until met on the 6th.
    expect(find(deriveDeadlines(course, ctx('2025-06-02')), 'first_contact')?.pausedWorkingDays).toBe(2);
  });
});

describe('provider deadlines', () => {
  it('counts in the providing municipality’s calendar, per cross-municipal referral', () => {
    const course = aCourse({ firstContactOn: '2025-03-04', crossReferrals: [aCrossReferral()] });
    const ds = deriveDeadlines(course, ctx('2025-04-22'));
    // Received Tue 15 April; the provider is closed on the 16th, Easter 17–21: 22, 23, 24, 25, 28.
    expect(find(ds, 'provider_contact', 'x1')).toMatchObject({ actor: 'provider', municipalityCode: '0173', dueOn: '2025-04-28', state: 'open' });
    expect(find(ds, 'deeper_assessment', 'x1')?.dueOn).toBe('2025-04-28');
    // … 29, 30 April, 1 May (open), 2 and 5 May.
    expect(find(ds, 'provider_start', 'x1')?.dueOn).toBe('2025-05-05');
  });

  it('asks for a deeper assessment only for training, occupational therapy, diet and interdisciplinary offers', () => {
    const course = aCourse({ crossReferrals: [aCrossReferral({ interventionCategory: 'patient_education' })] });
    const ds = deriveDeadlines(course, ctx('2025-04-22'));
    expect(find(ds, 'deeper_assessment', 'x1')).toBeUndefined();
    expect(find(ds, 'provider_contact', 'x1')).toBeDefined();
  });

  it('has none for an offer the provider declined, and none for a home offer', () => {
    const course = aCourse({ crossReferrals: [aCrossReferral({ providerDeclined: true }), aCrossReferral({ id: 'x2', kind: 'home' })] });
    expect(deriveDeadlines(course, ctx('2025-04-22')).filter((d) => d.actor === 'provider')).toEqual([]);
  });
});

describe('closing conversation', () => {
  it('is due one calendar month after the latest end of the cross-municipal course', () => {
    const ended = aCrossReferral({ sentOn: '2024-10-01', receivedOn: '2024-10-01', startedOn: '2024-10-10', endedOn: '2025-01-31' });
    const ds = deriveDeadlines(aCourse({ receivedOn: '2024-09-20', crossReferrals: [ended] }), ctx('2025-02-03'));
    expect(find(ds, 'closing_conversation')).toMatchObject({ clockStartedOn: '2025-01-31', dueOn: '2025-02-28', state: 'open' });
    const noted = deriveDeadlines(aCourse({ receivedOn: '2024-09-20', crossReferrals: [{ ...ended, endNoteCourseEndOn: '2025-02-03' }] }), ctx('2025-02-03'));
    expect(find(noted, 'closing_conversation')?.dueOn).toBe('2025-03-03');
  });

  it('waits until every cross-municipal offer has ended', () => {
    const ended = aCrossReferral({ sentOn: '2024-10-01', receivedOn: '2024-10-01', endedOn: '2025-01-31' });
    const running = aCrossReferral({ id: 'x2', sentOn: '2024-11-01', receivedOn: '2024-11-01', startedOn: '2024-11-05' });
    expect(find(deriveDeadlines(aCourse({ crossReferrals: [ended, running] }), ctx('2025-02-03')), 'closing_conversation')).toBeUndefined();
  });
});

describe('§140 training start', () => {
  it('is due 7 calendar days after discharge, or on the later clinical start of the plan', () => {
    const gop = aCourse({ source: 'hospital_gop', legalBasis: 'SUL140', dischargedOn: '2025-03-03' });
    expect(find(deriveDeadlines(gop, ctx('2025-03-04')), 'sul140_training_start')).toMatchObject({ clockStartedOn: '2025-03-03', dueOn: '2025-03-10' });
    const later = deriveDeadlines({ ...gop, planClinicalStartOn: '2025-03-20' }, ctx('2025-03-04'));
    expect(find(later, 'sul140_training_start')?.dueOn).toBe('2025-03-20');
  });

  it('is met when the first intervention starts, of any kind', () => {
    const gop = aCourse({ source: 'hospital_gop', dischargedOn: '2025-03-03', crossReferrals: [aCrossReferral({ kind: 'temporary_home', sentOn: null, receivedOn: '2025-03-04', startedOn: '2025-03-07' })] });
    expect(find(deriveDeadlines(gop, ctx('2025-04-01')), 'sul140_training_start')).toMatchObject({ metOn: '2025-03-07', state: 'met' });
  });

  it("binds the provider's start: due by the statutory date when that comes first, marked as set by §140", () => {
    // Discharged Mon 1 Dec 2025: training due Mon 8 Dec; the provider received the referral on
    // Wed 3 Dec, and its own rule (10 working days) would say 17 Dec.
    const cross = aCrossReferral({ sentOn: '2025-12-03', receivedOn: '2025-12-03' });
    const gop = aCourse({ source: 'hospital_gop', legalBasis: 'SUL140', receivedOn: '2025-12-01', dischargedOn: '2025-12-01', crossReferrals: [cross] });
    const ds = deriveDeadlines(gop, ctx('2025-12-04'));
    expect(find(ds, 'sul140_training_start')?.dueOn).toBe('2025-12-08');
    expect(find(ds, 'provider_start', 'x1')).toMatchObject({ actor: 'provider', dueOn: '2025-12-08', limitedBy: 'sul140' });
    // Its contact deadline is its own.
    expect(find(ds, 'provider_contact', 'x1')?.limitedBy).toBeNull();
    // Without §140 the provider's own rule stands, unmarked.
    const plain = deriveDeadlines({ ...gop, source: 'gp', legalBasis: 'SUL119', dischargedOn: null }, ctx('2025-12-04'));
    expect(find(plain, 'provider_start', 'x1')).toMatchObject({ dueOn: '2025-12-17', limitedBy: null });
    // A later clinical start in the plan moves the statutory date, and the provider's own date may then come first.
    const later = deriveDeadlines({ ...gop, planClinicalStartOn: '2026-01-05' }, ctx('2025-12-04'));
    expect(find(later, 'provider_start', 'x1')).toMatchObject({ dueOn: '2025-12-17', limitedBy: null });
  });

  it('does not apply without a discharge date, or before the rule took effect', () => {
    expect(find(deriveDeadlines(aCourse({ legalBasis: 'SUL140' }), ctx('2025-03-04')), 'sul140_training_start')).toBeUndefined();
    const old = aCourse({ legalBasis: 'SUL140', receivedOn: '2018-06-25', dischargedOn: '2018-06-22' });
    expect(find(deriveDeadlines(old, ctx('2018-06-25')), 'sul140_training_start')).toBeUndefined();
  });
});

describe('nextDeadline', () => {
  it('picks the most urgent running deadline, paused ones last, null when all are met', () => {
    const ds = deriveDeadlines(aCourse({ initialAssessmentOn: '2025-03-05' }), ctx('2025-03-11'));
    expect(nextDeadline(ds)).toMatchObject({ kind: 'first_contact', state: 'overdue' });
    const paused = deriveDeadlines(
      aCourse({ crossReferrals: [aCrossReferral({ sentOn: '2025-03-06', receivedOn: '2025-03-06' })], initialAssessmentOn: '2025-03-05', pauses: [{ id: 'p', deadlineKind: 'first_contact', crossReferralId: null, pausedOn: '2025-03-04', resumedOn: null, reason: 'citizen_wish' }] }),
      ctx('2025-03-07'),
    );
    expect(nextDeadline(paused)).toMatchObject({ kind: 'provider_contact' });
    const allMet = deriveDeadlines(aCourse({ firstContactOn: '2025-03-04', initialAssessmentOn: '2025-03-05', crossReferrals: [aCrossReferral({ kind: 'home', sentOn: null })] }), ctx('2025-03-07'));
    expect(nextDeadline(allMet.filter((d) => d.kind !== 'cross_referral'))).toBeNull();
  });
});
