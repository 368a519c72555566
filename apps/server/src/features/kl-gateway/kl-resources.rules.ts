import { identifierSystem } from '@samkraft/contracts/identifiers';
import {
  klCancellationTypes,
  klCarePlanCategories,
  klDeliveryTypes,
  klEncounterClasses,
  klGgopCategories,
  klServiceRequestStatusReasons,
  klServiceTypes,
  klSystems,
  type KlCancellationType,
  type KlCode,
  type KlDeliveryType,
  type KlLegalBasis,
} from '@samkraft/contracts/kl-gateway-codes';
import { type ActivityStatus, type CarePlanStatus, type Coding, type Extension, type KlCarePlan, type KlCondition, type KlEncounter, type KlOrganization, type KlPatient, type KlServiceRequest, type Reference, type RequestStatus } from './kl-fhir.ts';
import { klResourceId } from './kl-ids.ts';
import { klExtension, klProfile, requestStatusReasonUrl } from './kl-profiles.ts';

/*
 * One constructor per KL profile, each setting only what the profile allows and its examples
 * show (refdata/fhir/kl-gateway/*.transcribed.json). Ids are derived from the Samkraft record
 * (`klResourceId`), so a record keeps its id from delivery to delivery.
 */

const coding = (system: string, c: KlCode): Coding => ({ system, code: c.code, display: c.display });
const careSocial = (c: KlCode) => ({ coding: [coding(klSystems.careSocial, c)] });
const sor = (value: string) => ({ use: 'official' as const, system: identifierSystem.sor, value });

export function citizen(basis: KlLegalBasis, o: { citizenId: string; custodianSor: string; cpr: string; deceased: boolean }): KlPatient {
  return {
    resourceType: 'Patient',
    id: klResourceId(`${basis}/patient/${o.custodianSor}/${o.citizenId}`),
    meta: { profile: [klProfile(basis, 'citizen')] },
    identifier: [{ use: 'official', system: identifierSystem.cpr, value: o.cpr }],
    deceasedBoolean: o.deceased,
    managingOrganization: { identifier: sor(o.custodianSor) },
  };
}

export function organization(basis: KlLegalBasis, sorCode: string): KlOrganization {
  return { resourceType: 'Organization', id: klResourceId(`${basis}/organization/${sorCode}`), meta: { profile: [klProfile(basis, 'organization')] }, identifier: [sor(sorCode)] };
}

export function focusCondition(basis: KlLegalBasis, o: { referralId: string; subject: Reference; code: string; title: string }): KlCondition {
  return {
    resourceType: 'Condition',
    id: klResourceId(`${basis}/focus-condition/${o.referralId}`),
    meta: { profile: [klProfile(basis, 'focus-condition')] },
    clinicalStatus: { coding: [{ system: klSystems.conditionClinical, code: 'active' }] },
    code: { coding: [{ system: klSystems.sksD, code: o.code, display: o.title }] },
    subject: o.subject,
  };
}

export type ServiceRequestInput = {
  referralId: string;
  subject: Reference;
  status: RequestStatus;
  freeChoiceReason: boolean;
  receivedOn: string;
  dischargedOn: string | null;
  firstOfferedOn: string | null;
  requester: Reference | null;
  reason: Reference | null;
};

/** §140: the GGOP with its discharge date and type (almen: Samkraft records no other); §119: the referral. */
export function serviceRequest(basis: KlLegalBasis, o: ServiceRequestInput): KlServiceRequest {
  const rehab = basis === 'SUL140';
  const extension: Extension[] = [];
  if (rehab && o.dischargedOn) extension.push({ url: klExtension(basis, 'PreconditionDate'), valueDate: o.dischargedOn });
  if (rehab && o.freeChoiceReason) extension.push({ url: requestStatusReasonUrl, valueCodeableConcept: careSocial(klServiceRequestStatusReasons.freeChoice) });
  return {
    resourceType: 'ServiceRequest',
    id: klResourceId(`${basis}/servicerequest/${o.referralId}`),
    meta: { profile: [klProfile(basis, 'servicerequest')] },
    ...(extension.length > 0 ? { extension } : {}),
    status: o.status,
    intent: 'plan',
    ...(rehab ? { category: [careSocial(klGgopCategories.almen)] } : {}),
    code: { coding: [coding(klSystems.careSocial, klServiceTypes[basis])] },
    subject: o.subject,
    ...(rehab && o.firstOfferedOn ? { occurrencePeriod: { start: o.firstOfferedOn } } : {}),
    authoredOn: o.receivedOn,
    ...(o.requester ? { requester: o.requester } : {}),
    ...(o.reason ? { reasonReference: [o.reason] } : {}),
  };
}

export function condition(basis: KlLegalBasis, o: { referralId: string; subject: Reference; code: KlCode; recordedOn: string; active: boolean; inFocus: boolean }): KlCondition {
  return {
    resourceType: 'Condition',
    id: klResourceId(`${basis}/condition/${o.referralId}/${o.code.code}`),
    meta: { profile: [klProfile(basis, 'condition')] },
    clinicalStatus: { coding: [{ system: klSystems.conditionClinical, code: o.active ? 'active' : 'inactive' }] },
    verificationStatus: { coding: [{ system: klSystems.conditionVerification, code: 'confirmed' }] },
    // In focus: the condition is (part of) why the unit acts; the category goes when it no longer is.
    ...(o.inFocus ? { category: [{ coding: [{ system: klSystems.conditionCategory, code: 'problem-list-item' }] }] } : {}),
    code: { coding: [coding(klSystems.fsiii, o.code)] },
    subject: o.subject,
    recordedDate: o.recordedOn,
  };
}

type Period = { start: string; end?: string };
const period = (start: string, end: string | null): Period => (end ? { start, end } : { start });

export function carePlan(
  basis: KlLegalBasis,
  o: { crossReferralId: string; subject: Reference; serviceRequest: Reference; performer: Reference; grantedOn: string; endedOn: string | null; status: CarePlanStatus; activity: ActivityStatus; reason: KlCancellationType | null },
): KlCarePlan {
  return {
    resourceType: 'CarePlan',
    id: klResourceId(`${basis}/care-plan/${o.crossReferralId}`),
    meta: { profile: [klProfile(basis, 'care-plan')] },
    // §140's care plan names the GGOP it answers; §119's profile has no such element.
    ...(basis === 'SUL140' ? { extension: [{ url: klExtension(basis, 'BasedOnServiceRequestExtension'), valueReference: o.serviceRequest }] } : {}),
    status: o.status,
    intent: 'plan',
    category: [{ coding: [coding(klSystems.careSocial, klCarePlanCategories[basis].intervention)] }],
    subject: o.subject,
    period: period(o.grantedOn, o.endedOn),
    activity: [{ detail: { status: o.activity, ...(o.reason ? { statusReason: careSocial(klCancellationTypes[o.reason]) } : {}), performer: [o.performer] } }],
  };
}

export type PlannedInterventionInput = {
  /** What the id is derived from: `assessment/<referral>`, `closing/<referral>` or `course/<cross-referral>`. */
  key: string;
  subject: Reference;
  /** The forløb (care plan) it is part of: catalogue interventions; never the assessment or closing conversation. */
  basedOn: Reference | null;
  /** The referral it answers: the needs assessment and the closing conversation. */
  serviceRequest: Reference | null;
  level2: KlCode | null;
  level3: { code: string; display: string } | null;
  delivery: KlDeliveryType;
  performer: Reference | null;
  start: string;
  end: string | null;
  status: CarePlanStatus;
  activity: ActivityStatus;
};

export function plannedIntervention(basis: KlLegalBasis, o: PlannedInterventionInput): KlCarePlan {
  const codings: Coding[] = [];
  if (o.level2) codings.push(coding(klSystems.fsiii, o.level2));
  if (o.level3) codings.push({ system: klSystems.localInterventions, code: o.level3.code, display: o.level3.display });
  return {
    resourceType: 'CarePlan',
    id: klResourceId(`${basis}/planned-intervention/${o.key}`),
    meta: { profile: [klProfile(basis, 'planned-intervention')] },
    ...(o.serviceRequest ? { extension: [{ url: klExtension(basis, 'BasedOnServiceRequestExtension'), valueReference: o.serviceRequest }] } : {}),
    ...(o.basedOn ? { basedOn: [o.basedOn] } : {}),
    status: o.status,
    intent: 'plan',
    subject: o.subject,
    period: period(o.start, o.end),
    activity: [
      {
        detail: {
          extension: [{ url: klExtension(basis, 'DeliveryType'), valueCodeableConcept: careSocial(klDeliveryTypes[o.delivery]) }],
          code: { coding: codings },
          status: o.activity,
          ...(o.performer ? { performer: [o.performer] } : {}),
        },
      },
    ],
  };
}

/** A meeting that took place: a team session (start and end instants) or a conversation (its date). */
export function encounter(basis: KlLegalBasis, o: { key: string; subject: Reference; basedOn: Reference; start: string; end: string }): KlEncounter {
  const { system, code } = klEncounterClasses.ambulatory;
  return {
    resourceType: 'Encounter',
    id: klResourceId(`${basis}/encounter/${o.key}`),
    meta: { profile: [klProfile(basis, 'encounter')] },
    extension: [{ url: klExtension(basis, 'BasedOnCarePlanExtension'), valueReference: o.basedOn }],
    status: 'finished',
    class: { system, code },
    subject: o.subject,
    period: { start: o.start, end: o.end },
  };
}
