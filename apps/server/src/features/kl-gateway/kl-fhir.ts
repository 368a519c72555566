/*
 * The FHIR R4 shapes the KL Gateway delivery reports use: only the elements the KL profiles allow
 * (kl.dk.fhir.rehab 2.2.0, kl.dk.fhir.prevention 2.1.0), so a builder cannot set one they forbid.
 */

export type Reference = { reference: string };
export type Coding = { system: string; code: string; display?: string };
export type CodeableConcept = { coding: Coding[] };
export type Identifier = { use: 'official'; system: string; value: string };
export type Extension =
  | { url: string; valueDate: string }
  | { url: string; valueReference: Reference }
  | { url: string; valueCodeableConcept: CodeableConcept };
export type Meta = { profile: [string] };

export type KlPatient = {
  resourceType: 'Patient';
  id: string;
  meta: Meta;
  identifier: [Identifier];
  deceasedBoolean: boolean;
  managingOrganization: { identifier: Identifier };
};

export type KlOrganization = { resourceType: 'Organization'; id: string; meta: Meta; identifier: [Identifier] };

export type RequestStatus = 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error';

export type KlServiceRequest = {
  resourceType: 'ServiceRequest';
  id: string;
  meta: Meta;
  extension?: Extension[];
  status: RequestStatus;
  intent: 'plan';
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  occurrencePeriod?: { start: string };
  authoredOn: string;
  requester?: Reference;
  reasonReference?: Reference[];
};

export type KlCondition = {
  resourceType: 'Condition';
  id: string;
  meta: Meta;
  clinicalStatus: CodeableConcept;
  verificationStatus?: CodeableConcept;
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  recordedDate?: string;
};

export type CarePlanStatus = 'active' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
export type ActivityStatus = 'not-started' | 'scheduled' | 'in-progress' | 'on-hold' | 'completed' | 'cancelled' | 'stopped' | 'unknown' | 'entered-in-error';

export type KlActivityDetail = {
  extension?: Extension[];
  code?: CodeableConcept;
  status: ActivityStatus;
  statusReason?: CodeableConcept;
  performer?: [Reference];
};

export type KlCarePlan = {
  resourceType: 'CarePlan';
  id: string;
  meta: Meta;
  extension?: Extension[];
  basedOn?: [Reference];
  status: CarePlanStatus;
  intent: 'plan';
  category?: [CodeableConcept];
  subject: Reference;
  period: { start: string; end?: string };
  activity: [{ detail: KlActivityDetail }];
};

export type KlEncounter = {
  resourceType: 'Encounter';
  id: string;
  meta: Meta;
  extension?: Extension[];
  status: 'planned' | 'finished' | 'cancelled' | 'entered-in-error';
  class: Coding;
  subject: Reference;
  period: { start: string; end: string };
};

export type KlResource = KlPatient | KlOrganization | KlServiceRequest | KlCondition | KlCarePlan | KlEncounter;

export type KlBundle = {
  resourceType: 'Bundle';
  id: string;
  meta: Meta;
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: KlResource }[];
};

export const referenceTo = (r: { resourceType: string; id: string }): Reference => ({ reference: `${r.resourceType}/${r.id}` });
