import type { CrossReferralKind, SharedSnapshot } from '@samkraft/contracts/cross-referrals';
import type { GoalStatus } from '@samkraft/contracts/plans';
import { providerReferralState } from '../provider-inbox/provider-referral-state.rules.ts';
import { goalStatusDa, goalStatusOf, providerStateDa, questionnaire, system } from './fhir-codes.ts';
import { problemItems } from './course.mapper.ts';
import { fhirId, ref } from './fhir-ids.rules.ts';
import { danishDateText, danishInstantText, narrative } from './fhir-narrative.ts';
import type { CarePlan, Goal, QuestionnaireResponse, Reference, ServiceRequest, Task } from './fhir-types.ts';

/*
 * A cross-municipal referral (or a recorded home offer) as FHIR, from what one side's JSON API
 * gives it: the home municipality's course page, or the provider's incoming referral. The shared
 * plan and assessment are the snapshot the home municipality chose to share — never its records.
 */

export type CrossView = {
  side: 'home' | 'provider';
  id: string;
  kind: CrossReferralKind;
  citizen: { id: string; name: string | null };
  home: { code: string; name: string | null };
  provider: { code: string; name: string | null };
  interventionName: string;
  placeName: string | null;
  consentOn: string | null;
  sentAt: string | null;
  receivedOn: string;
  providerDecision: 'accepted' | 'declined' | null;
  providerDecisionReason: string | null;
  providerContactOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  citizenDeclined: boolean;
  /** What the provider has now: the latest update sent, else what was first sent; null for an offer never sent. */
  snapshot: SharedSnapshot | null;
  /** The provider's own goals, set with the citizen at the deeper assessment (the provider's side only). */
  providerGoals: { description: string; setOn: string; status: GoalStatus }[];
};

const kindDa: Record<CrossReferralKind, string> = {
  cross_municipal: 'Tværkommunal henvisning',
  home: 'Tilbud i egen kommune',
  temporary_home: 'Midlertidigt tilbud i egen kommune',
  free_choice_outside: 'Frit valg uden for samarbejdet',
};

const patientRef = (v: CrossView): Reference => ({ reference: ref('Patient', fhirId.patient(v.citizen.id)), ...(v.citizen.name ? { display: v.citizen.name } : {}) });
const municipalityRef = (m: { code: string; name: string | null }): Reference => ({ reference: ref('Organization', fhirId.municipality(m.code)), ...(m.name ? { display: `${m.name} Kommune` } : {}) });

const stateOf = (v: CrossView) => providerReferralState({ providerDecision: v.providerDecision, citizenDeclined: v.citizenDeclined, startedOn: v.startedOn, endedOn: v.endedOn });

const filled = (lines: [string, string | null | undefined][]): [string, string][] => lines.filter((l): l is [string, string] => typeof l[1] === 'string' && l[1].trim() !== '');

/** The shared plan's text fields (those chosen), as label and text; `purposeAndContent` left out where it is the description. */
function planLines(p: SharedSnapshot['plan'], withPurpose: boolean): [string, string][] {
  if (!p) return [];
  return filled([
    ['Vanskeligheder og behov', p.difficultiesAndNeeds],
    ['Formål og indhold', withPurpose ? p.purposeAndContent : null],
    ['Sted', p.location],
    ['Andre forvaltninger', p.otherAdministrations],
    ['Tilbagevenden til arbejde', p.returnToWork],
  ]);
}

/** What records older than today's snapshot shape shared, as label and text. */
const otherLines = (s: SharedSnapshot | null): [string, string][] => filled((s?.other ?? []).map((o): [string, string] => [o.label, o.value]));

export function toCrossServiceRequest(v: CrossView): ServiceRequest {
  const id = fhirId.crossReferral(v.id);
  const s = v.snapshot;
  const status = v.endedOn ? 'completed' : v.providerDecision === 'declined' || v.citizenDeclined ? 'revoked' : 'active';
  const supportingInfo: Reference[] = [
    ...(s?.plan ? [{ reference: ref('CarePlan', fhirId.sharedPlan(v.id)) }] : []),
    ...(s?.assessment ? [{ reference: ref('QuestionnaireResponse', fhirId.sharedAssessment(v.id)) }] : []),
  ];
  const notes = otherLines(s);
  return {
    resourceType: 'ServiceRequest',
    id,
    text: narrative(`${kindDa[v.kind]}: ${v.interventionName}`, [
      ['Id', id],
      ['Borger', `${v.citizen.name ?? ''} (Patient/${v.citizen.id})`.trim()],
      ['Fra', `${v.home.name ?? v.home.code} (Organization/${fhirId.municipality(v.home.code)})`],
      ['Til', `${v.provider.name ?? v.provider.code} (Organization/${fhirId.municipality(v.provider.code)})`],
      ['Sted', v.placeName],
      ['Samtykke', danishDateText(v.consentOn)],
      ['Sendt', danishInstantText(v.sentAt)],
      ['Modtaget', danishDateText(v.receivedOn)],
      ['Status', v.kind === 'cross_municipal' ? providerStateDa[stateOf(v)] : null],
      ['Diagnose', s?.diagnosis ? `${s.diagnosis.code} ${s.diagnosis.title}` : null],
      ...planLines(s?.plan ?? null, true),
      ...notes,
      ['Delt', supportingInfo.map((r) => r.reference ?? '').join('\n') || null],
    ]),
    identifier: [{ system: system.uri, value: `urn:uuid:${v.id}` }],
    status,
    intent: 'order',
    category: [{ text: kindDa[v.kind] }],
    code: { text: v.interventionName },
    subject: patientRef(v),
    authoredOn: v.sentAt ?? v.receivedOn,
    requester: municipalityRef(v.home),
    performer: [municipalityRef(v.provider)],
    ...(v.placeName ? { locationCode: [{ text: v.placeName }] } : {}),
    ...(s?.diagnosis ? { reasonCode: [{ coding: [{ system: system.sks, code: s.diagnosis.code, display: s.diagnosis.title }], text: s.diagnosis.title }] } : {}),
    ...(supportingInfo.length > 0 ? { supportingInfo } : {}),
    ...(notes.length > 0 ? { note: notes.map(([label, text]) => ({ text: `${label}: ${text}` })) } : {}),
  };
}

const taskStatus = { new: 'requested', accepted: 'accepted', started: 'in-progress', ended: 'completed', declined: 'rejected', citizen_declined: 'cancelled' } as const;

/** The provider's work on a sent cross-municipal referral; null for anything else. */
export function toTask(v: CrossView): Task | null {
  if (v.kind !== 'cross_municipal' || v.sentAt === null) return null;
  const id = fhirId.crossReferral(v.id);
  const state = stateOf(v);
  const period = { ...(v.startedOn ? { start: v.startedOn } : {}), ...(v.endedOn ? { end: v.endedOn } : {}) };
  return {
    resourceType: 'Task',
    id,
    text: narrative(`Opgave: ${v.interventionName}`, [
      ['Id', id],
      ['Henvisning', `ServiceRequest/${id}`],
      ['Borger', `Patient/${v.citizen.id}`],
      ['Status', providerStateDa[state]],
      ['Begrundelse', v.providerDecision === 'declined' ? v.providerDecisionReason : null],
      ['Kontakt til borgeren', danishDateText(v.providerContactOn)],
      ['Startet', danishDateText(v.startedOn)],
      ['Afsluttet', danishDateText(v.endedOn)],
    ]),
    status: taskStatus[state],
    intent: 'order',
    businessStatus: { text: providerStateDa[state] },
    ...(v.providerDecision === 'declined' && v.providerDecisionReason ? { statusReason: { text: v.providerDecisionReason } } : {}),
    code: { text: v.interventionName },
    basedOn: [{ reference: ref('ServiceRequest', id) }],
    for: patientRef(v),
    authoredOn: v.sentAt,
    requester: municipalityRef(v.home),
    owner: municipalityRef(v.provider),
    ...(Object.keys(period).length > 0 ? { executionPeriod: period } : {}),
    ...(v.providerContactOn ? { note: [{ text: `Kontakt til borgeren ${danishDateText(v.providerContactOn) ?? ''}` }] } : {}),
  };
}

/** The action plan as shared with the provider (the chosen fields only); null when no plan was shared. */
export function toSharedPlan(v: CrossView): CarePlan | null {
  const p = v.snapshot?.plan;
  if (!p) return null;
  const id = fhirId.sharedPlan(v.id);
  const goals = p.goals ?? [];
  const notes = planLines(p, false);
  return {
    resourceType: 'CarePlan',
    id,
    text: narrative(`Handleplan (delt), version ${p.version}`, [
      ['Id', id],
      ['Henvisning', `ServiceRequest/${fhirId.crossReferral(v.id)}`],
      ['Borger', `Patient/${v.citizen.id}`],
      ['Aftalt', danishDateText(p.agreedOn)],
      ['Formål og indhold', p.purposeAndContent],
      ...notes,
      ...goals.map((g, i): [string, string] => [`Mål ${i + 1}`, g.description]),
      ...(p.responsibilities ?? []).map((r): [string, string] => ['Ansvar', `${r.part}: ${r.responsible}`]),
    ]),
    status: v.endedOn ? 'completed' : 'active',
    intent: 'plan',
    title: `Handleplan (delt, version ${p.version})`,
    ...(p.purposeAndContent ? { description: p.purposeAndContent } : {}),
    subject: patientRef(v),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(p.agreedOn) ? { period: { start: p.agreedOn } } : {}),
    supportingInfo: [{ reference: ref('ServiceRequest', fhirId.crossReferral(v.id)) }],
    ...(goals.length > 0 ? { goal: goals.map((_, i) => ({ reference: ref('Goal', fhirId.sharedGoal(v.id, i + 1)) })) } : {}),
    ...(p.responsibilities?.length ? { activity: p.responsibilities.map((r) => ({ detail: { status: 'unknown' as const, description: `${r.part}: ${r.responsible}` } })) } : {}),
    ...(notes.length > 0 ? { note: notes.map(([label, text]) => ({ text: `${label}: ${text}` })) } : {}),
  };
}

/** The shared plan's goals (as shared: no status), then the provider's own goals (its side only). */
export function toCrossGoals(v: CrossView): Goal[] {
  const shared = (v.snapshot?.plan?.goals ?? []).map((g, i): Goal => {
    const id = fhirId.sharedGoal(v.id, i + 1);
    return {
      resourceType: 'Goal',
      id,
      text: narrative(`Mål ${i + 1} i den delte handleplan`, [
        ['Id', id],
        ['Handleplan', `CarePlan/${fhirId.sharedPlan(v.id)}`],
        ['Mål', g.description],
        ['Dato for målet', danishDateText(g.targetOn)],
      ]),
      lifecycleStatus: 'active',
      description: { text: g.description },
      subject: patientRef(v),
      ...(g.targetOn ? { target: [{ dueDate: g.targetOn }] } : {}),
    };
  });
  const own = v.providerGoals.map((g, i): Goal => {
    const id = fhirId.providerGoal(v.id, i + 1);
    return {
      resourceType: 'Goal',
      id,
      text: narrative('Mål aftalt ved den uddybende udredning', [
        ['Id', id],
        ['Henvisning', `ServiceRequest/${fhirId.crossReferral(v.id)}`],
        ['Mål', g.description],
        ['Aftalt', danishDateText(g.setOn)],
        ['Status', goalStatusDa[g.status]],
      ]),
      ...goalStatusOf(g.status),
      description: { text: g.description },
      subject: patientRef(v),
      startDate: g.setOn,
    };
  });
  return [...shared, ...own];
}

/** The needs assessment's problems as shared (the chosen ones); null when none was shared. */
export function toSharedAssessment(v: CrossView): QuestionnaireResponse | null {
  const a = v.snapshot?.assessment;
  if (!a) return null;
  const id = fhirId.sharedAssessment(v.id);
  const problems = a.problems.map((p) => ({ itemCode: p.itemCode, area: p.area, label: p.label, note: p.note }));
  const dated = /^\d{4}-\d{2}-\d{2}$/.test(a.assessedOn);
  return {
    resourceType: 'QuestionnaireResponse',
    id,
    text: narrative('Behovsvurdering (delt)', [
      ['Id', id],
      ['Henvisning', `ServiceRequest/${fhirId.crossReferral(v.id)}`],
      ['Borger', `Patient/${v.citizen.id}`],
      ['Dato', danishDateText(a.assessedOn)],
      ['Problemer', a.problems.map((p) => `${p.label}${p.note ? ` (${p.note})` : ''}`).join('\n') || 'Ingen'],
    ]),
    questionnaire: questionnaire.needsAssessment,
    status: 'completed',
    subject: patientRef(v),
    authored: dated ? a.assessedOn : (v.sentAt ?? v.receivedOn),
    basedOn: [{ reference: ref('ServiceRequest', fhirId.crossReferral(v.id)) }],
    item: [
      { linkId: 'assessedOn', text: 'Dato for behovsvurderingen', answer: [dated ? { valueDate: a.assessedOn } : { valueString: a.assessedOn }] },
      ...(problems.length > 0 ? [{ linkId: 'problems', text: 'Problemer', item: problemItems(problems) }] : []),
    ],
  };
}
