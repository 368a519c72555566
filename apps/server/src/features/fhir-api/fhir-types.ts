/*
 * The FHIR R4 shapes Samkraft serves, as far as it fills them (hl7.org/fhir/R4). Written here
 * rather than taken from a types package: the mappers build exactly these, and the tests check
 * every resource against the full R4 definitions with two validators.
 */

export type Narrative = { status: 'generated'; div: string };
export type Coding = { system?: string; code?: string; display?: string };
export type CodeableConcept = { coding?: Coding[]; text?: string };
export type Identifier = { use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old'; system?: string; value: string };
export type Reference = { reference?: string; display?: string; identifier?: Identifier };
export type Period = { start?: string; end?: string };
export type Annotation = { text: string; time?: string; authorString?: string };
export type Address = { use?: 'home' | 'work'; text?: string; country?: string };
export type HumanName = { use?: 'official' | 'usual'; text?: string; family?: string; given?: string[] };

type DomainResource<T extends string> = { resourceType: T; id: string; text: Narrative; identifier?: Identifier[] };

export type Patient = DomainResource<'Patient'> & {
  identifier: Identifier[];
  active: boolean;
  name?: HumanName[];
  gender: 'male' | 'female';
  birthDate: string;
  deceasedDateTime?: string;
  address?: Address[];
  generalPractitioner?: Reference[];
  managingOrganization: Reference;
};

export type Organization = DomainResource<'Organization'> & {
  active: boolean;
  type: CodeableConcept[];
  name: string;
  alias?: string[];
  address?: Address[];
};

export type ServiceRequest = DomainResource<'ServiceRequest'> & {
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'order';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  authoredOn: string;
  requester?: Reference;
  performer: Reference[];
  locationCode?: CodeableConcept[];
  reasonCode?: CodeableConcept[];
  supportingInfo?: Reference[];
  basedOn?: Reference[];
  note?: Annotation[];
};

export type Task = DomainResource<'Task'> & {
  status: 'requested' | 'accepted' | 'rejected' | 'in-progress' | 'completed' | 'cancelled';
  intent: 'order';
  businessStatus: CodeableConcept;
  statusReason?: CodeableConcept;
  code: CodeableConcept;
  basedOn: Reference[];
  for: Reference;
  authoredOn?: string;
  requester: Reference;
  owner: Reference;
  executionPeriod?: Period;
  note?: Annotation[];
};

export type CarePlanActivity = { detail: { status: 'not-started' | 'in-progress' | 'completed' | 'unknown'; description: string } };

export type CarePlan = DomainResource<'CarePlan'> & {
  status: 'active' | 'completed' | 'unknown';
  intent: 'plan';
  title: string;
  description?: string;
  subject: Reference;
  period?: Period;
  created?: string;
  author?: Reference;
  supportingInfo?: Reference[];
  goal?: Reference[];
  activity?: CarePlanActivity[];
  note?: Annotation[];
};

export type Goal = DomainResource<'Goal'> & {
  lifecycleStatus: 'active' | 'completed' | 'cancelled';
  achievementStatus?: CodeableConcept;
  description: CodeableConcept;
  subject: Reference;
  startDate?: string;
  target?: { dueDate: string }[];
  statusDate?: string;
};

export type QuestionnaireAnswer = {
  valueBoolean?: boolean;
  valueInteger?: number;
  valueString?: string;
  valueDate?: string;
  valueCoding?: Coding;
  item?: QuestionnaireItem[];
};
export type QuestionnaireItem = { linkId: string; text: string; answer?: QuestionnaireAnswer[]; item?: QuestionnaireItem[] };

export type QuestionnaireResponse = Omit<DomainResource<'QuestionnaireResponse'>, 'identifier'> & {
  /** One identifier (0..1), unlike the other resources. */
  identifier?: Identifier;
  questionnaire: string;
  status: 'completed' | 'stopped';
  subject: Reference;
  authored: string;
  author?: Reference;
  /** Who answered: the citizen (Patient) when they answered on their own phone. */
  source?: Reference;
  basedOn?: Reference[];
  item: QuestionnaireItem[];
};

export type Communication = DomainResource<'Communication'> & {
  status: 'preparation' | 'completed';
  category: CodeableConcept[];
  subject: Reference;
  topic: CodeableConcept;
  about?: Reference[];
  sent?: string;
  received?: string;
  recipient?: Reference[];
  sender: Reference;
  payload: { contentString: string }[];
};

export type Appointment = DomainResource<'Appointment'> & {
  status: 'booked' | 'fulfilled' | 'cancelled' | 'noshow';
  cancelationReason?: CodeableConcept;
  serviceType: CodeableConcept[];
  description: string;
  start: string;
  end: string;
  minutesDuration: number;
  comment?: string;
  basedOn: Reference[];
  participant: { actor: Reference; required: 'required'; status: 'accepted' | 'declined' }[];
};

export type Encounter = DomainResource<'Encounter'> & {
  status: 'finished';
  class: Coding;
  type: CodeableConcept[];
  subject: Reference;
  basedOn: Reference[];
  appointment: Reference[];
  period: Period;
  serviceProvider: Reference;
};

export type AuditEvent = DomainResource<'AuditEvent'> & {
  type: Coding;
  subtype: Coding[];
  action: 'C' | 'R' | 'U' | 'D' | 'E';
  recorded: string;
  outcome: '0' | '4' | '8';
  purposeOfEvent?: CodeableConcept[];
  agent: { type?: CodeableConcept; role?: CodeableConcept[]; who: Reference; requestor: boolean }[];
  source: { site?: string; observer: Reference };
  entity?: { what: Reference; description?: string }[];
};

export type OperationOutcomeIssue = {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  details?: CodeableConcept;
  diagnostics?: string;
  expression?: string[];
};
export type OperationOutcome = { resourceType: 'OperationOutcome'; text: Narrative; issue: OperationOutcomeIssue[] };

/** Every resource type the API serves (the CapabilityStatement lists these and no other). */
export const fhirResourceTypes = [
  'Patient',
  'Organization',
  'ServiceRequest',
  'Task',
  'CarePlan',
  'Goal',
  'QuestionnaireResponse',
  'Communication',
  'Appointment',
  'Encounter',
  'AuditEvent',
] as const;
export type FhirResourceType = (typeof fhirResourceTypes)[number];

export type FhirResource = Patient | Organization | ServiceRequest | Task | CarePlan | Goal | QuestionnaireResponse | Communication | Appointment | Encounter | AuditEvent;

export type Bundle = {
  resourceType: 'Bundle';
  meta: { lastUpdated: string };
  type: 'searchset';
  total: number;
  link: { relation: 'self' | 'next' | 'previous'; url: string }[];
  entry?: { fullUrl: string; resource: FhirResource; search: { mode: 'match' } }[];
};
