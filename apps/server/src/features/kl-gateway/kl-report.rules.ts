import type { KlLeftOutReason } from '@samkraft/contracts/kl-gateway';
import { klConditionCode, klInterventionCode, type KlCode, type KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import { referenceTo, type KlOrganization, type KlResource, type Reference } from './kl-fhir.ts';
import type { KlBuildContext, KlCitizenModel, KlInterventionModel, KlReferralModel } from './kl-model.ts';
import { carePlan, citizen, condition, encounter, focusCondition, organization, plannedIntervention, serviceRequest } from './kl-resources.rules.ts';
import { assessmentState, conditionStates, interventionState, serviceRequestStatus } from './kl-status.rules.ts';

/*
 * A citizen's delivery-report content for one legal basis, as of a day: every resource the KL
 * profiles describe, built from Samkraft's records (kl-model.ts). Which of them a delivery sends
 * is decided by kl-delivery.rules.ts (only what is new or changed since the last delivery).
 */

export type KlCitizenReport =
  | { kind: 'report'; citizenId: string; courseIds: string[]; resources: KlResource[]; unmappedInterventions: string[]; unmappedAssessmentItems: string[] }
  | { kind: 'left_out'; citizenId: string; courseIds: string[]; reason: KlLeftOutReason; detail: string | null };

/** The needs assessment and the closing conversation as FSIII interventions (no forløb: basedOn must be absent). */
const assessmentCode: Record<KlLegalBasis, string> = {
  SUL140: '1130ad70-6553-490d-87f8-5e8941687a0c', // Terapeutfaglig udredning
  SUL119: '6eddbaf7-2a73-49d4-91e7-6138d419f58c', // Afklarende samtale (a new referral; Behovssamtale is for one already in a §119 forløb)
};
const closingConversationCode = '03a3ebdb-9e2d-4be1-b32b-42f0bd2a3362'; // Afsluttende samtale (§119 only)

const CPR = /^[0-9]{10}$/;

/** Interventions a report includes: delivered in the collaboration (not frit valg outside it), referred by `asOf`. */
const reportedInterventions = (r: KlReferralModel, asOf: string): KlInterventionModel[] => r.interventions.filter((i) => i.kind !== 'free_choice_outside' && i.receivedOn <= asOf);

/** Why a citizen cannot be reported, or null. */
export function leftOutReason(m: KlCitizenModel, ctx: KlBuildContext): { reason: KlLeftOutReason; detail: string | null } | null {
  if (m.cpr === null) return { reason: 'no_cpr', detail: null };
  // The citizen profiles allow only the CPR slice: a replacement CPR (eCPR) cannot be reported.
  if (!CPR.test(m.cpr)) return { reason: 'replacement_cpr', detail: null };
  if (ctx.basis === 'SUL140') {
    const noDischarge = m.referrals.filter((r) => r.dischargedOn === null);
    // Details are values, not sentences (the web words them): the referrals' receipt dates, a municipality code.
    if (noDischarge.length > 0) return { reason: 'missing_discharge_date', detail: noDischarge.map((r) => r.receivedOn).join(', ') };
    const noRequester = m.referrals.filter((r) => r.requester === null || r.requester.sor === null);
    if (noRequester.length > 0) return { reason: 'requester_without_sor', detail: noRequester.map((r) => r.receivedOn).join(', ') };
  }
  for (const r of m.referrals) {
    const missing = reportedInterventions(r, ctx.asOf).find((i) => ctx.providerSor(i.providerMunicipality) === null);
    if (missing) return { reason: 'provider_without_sor', detail: missing.providerMunicipality };
  }
  return null;
}

const addDuration = (startsAt: string, minutes: number): string => new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();

/** The citizen's report, or why the citizen is left out. */
export function buildCitizenReport(m: KlCitizenModel, ctx: KlBuildContext): KlCitizenReport {
  const { basis, asOf } = ctx;
  const courseIds = m.referrals.map((r) => r.courseId);
  const left = leftOutReason(m, ctx);
  if (left || m.cpr === null) return { kind: 'left_out', citizenId: m.citizenId, courseIds, reason: left?.reason ?? 'no_cpr', detail: left?.detail ?? null };

  const patient = citizen(basis, { citizenId: m.citizenId, custodianSor: ctx.custodianSor, cpr: m.cpr, deceased: m.deceasedOn !== null && m.deceasedOn <= asOf });
  const subject = referenceTo(patient);
  const organizations = new Map<string, KlOrganization>();
  const org = (sorCode: string): Reference => {
    const known = organizations.get(sorCode) ?? organization(basis, sorCode);
    organizations.set(sorCode, known);
    return referenceTo(known);
  };
  const content: KlResource[] = [];
  const unmappedInterventions = new Set<string>();
  const unmappedItems = new Set<string>();

  const itemCode = (item: string): string | null => {
    const code = ctx.conditionCode(item);
    if (code === undefined) unmappedItems.add(item);
    return code && klConditionCode(basis, code) ? code : null;
  };
  const levelTwo = (interventionCode: string): KlCode | null => {
    const code = ctx.interventionCode(interventionCode);
    if (code === undefined) unmappedInterventions.add(interventionCode);
    return code ? (klInterventionCode(basis, code) ?? null) : null;
  };
  const fixedCode = (code: string): KlCode => {
    const found = klInterventionCode(basis, code);
    if (!found) throw new Error(`${code} is not in the ${basis} intervention list`);
    return found;
  };

  for (const r of [...m.referrals].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))) {
    const focus = r.diagnosis ? focusCondition(basis, { referralId: r.referralId, subject, code: r.diagnosis.code, title: r.diagnosis.title }) : null;
    if (focus) content.push(focus);
    const freeChoice = r.interventions.some((i) => i.kind === 'free_choice_outside' && i.receivedOn <= asOf);
    const sr = serviceRequest(basis, {
      referralId: r.referralId,
      subject,
      ...serviceRequestStatus(r, asOf, freeChoice),
      receivedOn: r.receivedOn,
      dischargedOn: r.dischargedOn,
      // Offered at the first contact: known from that day, whenever the day offered is.
      firstOfferedOn: r.firstContactOn !== null && r.firstContactOn <= asOf ? r.firstOfferedOn : null,
      requester: r.requester?.sor ? org(r.requester.sor) : null,
      reason: focus ? referenceTo(focus) : null,
    });
    content.push(sr);
    const srRef = referenceTo(sr);

    // The needs assessment: Terapeutfaglig udredning (§140) / Afklarende samtale (§119), and its meeting.
    const assessment = assessmentState(r, asOf);
    if (assessment) {
      const pi = plannedIntervention(basis, {
        key: `assessment/${r.referralId}`,
        subject,
        basedOn: null,
        serviceRequest: srRef,
        level2: fixedCode(assessmentCode[basis]),
        level3: null,
        delivery: 'individual',
        performer: org(ctx.homeUnitSor),
        start: r.receivedOn,
        end: assessment.heldOn,
        status: assessment.plan,
        activity: assessment.activity,
      });
      content.push(pi);
      if (assessment.heldOn) content.push(encounter(basis, { key: `assessment/${r.referralId}`, subject, basedOn: referenceTo(pi), start: assessment.heldOn, end: assessment.heldOn }));
    }

    for (const [code, state] of conditionStates(r, asOf, itemCode)) {
      const fsiii = klConditionCode(basis, code);
      if (fsiii) content.push(condition(basis, { referralId: r.referralId, subject, code: fsiii, recordedOn: state.recordedOn, active: state.active, inFocus: state.inFocus }));
    }

    for (const i of reportedInterventions(r, asOf)) {
      const providerSor = ctx.providerSor(i.providerMunicipality);
      if (providerSor === null) throw new Error('provider without SOR: leftOutReason checks this first');
      const performer = org(providerSor);
      const state = interventionState(i, r, asOf);
      const plan = carePlan(basis, { crossReferralId: i.crossReferralId, subject, serviceRequest: srRef, performer, grantedOn: i.receivedOn, endedOn: state.endedOn, status: state.plan, activity: state.activity, reason: state.reason });
      const planRef = referenceTo(plan);
      content.push(plan);
      const startedOn = i.startedOn !== null && i.startedOn <= asOf ? i.startedOn : null;
      content.push(
        plannedIntervention(basis, {
          key: `course/${i.crossReferralId}`,
          subject,
          basedOn: planRef,
          serviceRequest: null,
          level2: levelTwo(i.interventionCode),
          // Samkraft's catalogue interventions are locally defined level-3 interventions.
          level3: { code: i.interventionCode, display: i.interventionName },
          delivery: i.inTeam || i.form === 'team' ? 'group' : 'individual',
          performer,
          start: startedOn ?? i.receivedOn,
          end: state.endedOn,
          status: state.plan,
          activity: state.activity,
        }),
      );
      for (const s of i.sessions.filter((x) => x.onDate <= asOf)) {
        content.push(encounter(basis, { key: `session/${s.sessionId}/${i.crossReferralId}`, subject, basedOn: planRef, start: s.startsAt, end: addDuration(s.startsAt, s.minutes) }));
      }
    }

    if (basis === 'SUL119' && r.closingConversationOn !== null && r.closingConversationOn <= asOf) {
      const pi = plannedIntervention(basis, {
        key: `closing/${r.referralId}`,
        subject,
        basedOn: null,
        serviceRequest: srRef,
        level2: fixedCode(closingConversationCode),
        level3: null,
        delivery: 'individual',
        performer: org(ctx.homeUnitSor),
        start: r.closingConversationOn,
        end: r.closingConversationOn,
        status: 'completed',
        activity: 'completed',
      });
      content.push(pi, encounter(basis, { key: `closing/${r.referralId}`, subject, basedOn: referenceTo(pi), start: r.closingConversationOn, end: r.closingConversationOn }));
    }
  }

  return {
    kind: 'report',
    citizenId: m.citizenId,
    courseIds,
    resources: [patient, ...organizations.values(), ...content],
    unmappedInterventions: [...unmappedInterventions].sort(),
    unmappedAssessmentItems: [...unmappedItems].sort(),
  };
}
