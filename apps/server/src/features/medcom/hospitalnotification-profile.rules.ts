import { list, obj, objects, str } from '../../platform/fhir/fhir-json.ts';
import type { Entry, MessageContext } from './medcom-message.rules.ts';
import { at, bundled, checkCoding, checkLocalReferences, checkMessageStart, checkOrganisation, checkProvenance, notABundle, ofType, report } from './medcom-message.rules.ts';
import type { MedcomIssue } from './medcom-issue.ts';
import { checkPatient } from './medcom-patient.rules.ts';
import {
  hospitalEncounterClasses,
  hospitalEncounterStatuses,
  hospitalNotificationActivities,
  hospitalNotificationActivityCodes,
  medcomExtension,
  medcomSystem,
  messageEvent,
  type HospitalNotificationActivity,
} from './medcom-terminology.ts';

/*
 * The HospitalNotification 3.0.2 profile as code (MedComHospitalNotificationMessage,
 * -MessageHeader, -Encounter and the leave-period extension; MedComMessagingProvenance with the
 * HospitalNotification activities): the cardinalities, fixed values and bindings the FHIRPath
 * invariants (hospitalnotification-invariants.ts) do not cover, and MedCom's table of which
 * Encounter class and status each activity requires.
 */

const ENCOUNTER_ABSENT = ['type', 'serviceType', 'priority', 'basedOn', 'participant', 'appointment', 'length', 'reasonCode', 'reasonReference', 'diagnosis', 'hospitalization', 'location', 'partOf'] as const;

function checkHeaderExtensions(ctx: MessageContext, header: Entry, messaging: Set<Entry>): void {
  const extensions = objects(header.resource.extension);
  const flags = extensions.filter((e) => e.url === medcomExtension.reportOfAdmission);
  const recipients = extensions.filter((e) => e.url === medcomExtension.reportOfAdmissionRecipient);
  if (flags.length > 1) report(ctx, { key: 'cardinality:MessageHeader.extension:reportOfAdmissionFlag', expression: at(header, 'extension'), type: 'structure', code: 'MSG_RESOURCE_NOT_ALLOWED', da: 'anmodningen om indlæggelsesrapport må højst angives én gang', en: 'the report-of-admission flag is given at most once' });
  if (flags[0] && typeof flags[0].valueBoolean !== 'boolean') {
    report(ctx, { key: 'type:MessageHeader.extension:reportOfAdmissionFlag', expression: at(header, `extension('${medcomExtension.reportOfAdmission}').value`), type: 'value', code: 'MSG_Datatype_Wrong', da: 'anmodningen om indlæggelsesrapport skal være sand eller falsk', en: 'the report-of-admission flag is a boolean' });
  }
  if (recipients.length > 1) report(ctx, { key: 'cardinality:MessageHeader.extension:reportOfAdmissionRecipient', expression: at(header, 'extension'), type: 'structure', code: 'MSG_RESOURCE_NOT_ALLOWED', da: 'modtageren af indlæggelsesrapporten må højst angives én gang', en: 'the report-of-admission recipient is given at most once' });
  if (recipients[0]) {
    const recipient = bundled(ctx, recipients[0].valueReference, ['Organization'], at(header, `extension('${medcomExtension.reportOfAdmissionRecipient}').value`), 'cardinality:MessageHeader.extension:reportOfAdmissionRecipient');
    if (recipient) messaging.add(recipient);
  }
}

function checkPeriod(ctx: MessageContext, encounter: Entry): void {
  const period = obj(encounter.resource.period);
  if (!period) {
    report(ctx, { key: 'cardinality:Encounter.period', expression: at(encounter, 'period'), da: 'sygehusopholdets periode mangler', en: 'the encounter period is missing' });
    return;
  }
  if (str(period.start) === undefined) report(ctx, { key: 'cardinality:Encounter.period.start', expression: at(encounter, 'period.start'), da: 'sygehusopholdets starttidspunkt mangler', en: 'the encounter start time is missing' });
  const leaves = objects(encounter.resource.extension).filter((e) => e.url === medcomExtension.leavePeriod);
  if (leaves.length > 1) report(ctx, { key: 'cardinality:Encounter.extension:leavePeriod', expression: at(encounter, 'extension'), type: 'structure', code: 'MSG_RESOURCE_NOT_ALLOWED', da: 'orlovsperioden må højst angives én gang', en: 'the leave period is given at most once' });
  const leave = leaves[0];
  if (leave && str(obj(leave.valuePeriod)?.start) === undefined) {
    report(ctx, { key: 'cardinality:Encounter.extension:leavePeriod.value.start', expression: at(encounter, `extension('${medcomExtension.leavePeriod}').value.start`), da: 'orlovens starttidspunkt mangler', en: 'the start of the leave is missing' });
  }
}

function checkEncounter(ctx: MessageContext, encounter: Entry): void {
  const e = encounter.resource;
  if (!(hospitalEncounterStatuses as readonly unknown[]).includes(e.status)) {
    report(ctx, { key: 'binding:Encounter.status', expression: at(encounter, 'status'), type: 'code-invalid', code: 'MSG_VALUESET_VALUE_UNKNOWN', da: `status skal være en af ${hospitalEncounterStatuses.join(', ')}`, en: `the status is one of ${hospitalEncounterStatuses.join(', ')}` });
  }
  if (!obj(e.class)) report(ctx, { key: 'cardinality:Encounter.class', expression: at(encounter, 'class'), code: 'MSG_VALUESET_VALUE_UNKNOWN', da: 'sygehusopholdets klasse mangler', en: 'the encounter class is missing' });
  else checkCoding(ctx, e.class, medcomSystem.encounterClass, hospitalEncounterClasses, at(encounter, 'class'), 'binding:Encounter.class');
  for (const name of ENCOUNTER_ABSENT) {
    if (e[name] !== undefined) report(ctx, { key: `cardinality:Encounter.${name}`, expression: at(encounter, name), type: 'structure', code: 'MSG_RESOURCE_NOT_ALLOWED', da: `Encounter.${name} må ikke angives i en advis om sygehusophold`, en: `Encounter.${name} is not allowed in a HospitalNotification` });
  }
  const episodes = objects(e.episodeOfCare);
  if (episodes.length === 0) report(ctx, { key: 'cardinality:Encounter.episodeOfCare', expression: at(encounter, 'episodeOfCare'), da: 'forløbs-id (episodeOfCare) mangler', en: 'the episode-of-care identifier is missing' });
  episodes.forEach((episode, i) => {
    if (str(obj(episode.identifier)?.value) === undefined) report(ctx, { key: 'cardinality:Encounter.episodeOfCare.identifier', expression: at(encounter, `episodeOfCare[${i}].identifier.value`), da: 'forløbs-id mangler en værdi', en: 'the episode-of-care identifier has no value' });
    if (episode.reference !== undefined) report(ctx, { key: 'cardinality:Encounter.episodeOfCare.reference', expression: at(encounter, `episodeOfCare[${i}].reference`), type: 'structure', code: 'MSG_RESOURCE_NOT_ALLOWED', da: 'forløbet angives kun ved sin identifikator', en: 'the episode of care is given by its identifier only' });
  });
  checkPeriod(ctx, encounter);
  bundled(ctx, e.subject, ['Patient'], at(encounter, 'subject'), 'cardinality:Encounter.subject');
  bundled(ctx, e.serviceProvider, ['Organization'], at(encounter, 'serviceProvider'), 'cardinality:Encounter.serviceProvider');
}

/** The Provenance of this message agrees with its Encounter (MedCom's overview of HospitalNotification codes, Table 1). */
function checkActivity(ctx: MessageContext, current: Entry, encounter: Entry | undefined, deceased: unknown): void {
  const activity = str(obj(objects(obj(current.resource.activity)?.coding)[0])?.code);
  if (activity === undefined || !(activity in hospitalNotificationActivities)) return;
  const code = activity as HospitalNotificationActivity;
  const wants = hospitalNotificationActivities[code];
  const entities = objects(current.resource.entity);
  const cancel = code.startsWith('cancel-');
  const preceding = entities.filter((x) => x.role === 'revision' || x.role === 'removal');
  if (entities.some((x) => x.role !== 'revision' && x.role !== 'removal')) {
    report(ctx, { key: 'binding:Provenance.entity.role', expression: at(current, 'entity.role'), type: 'code-invalid', code: 'MSG_VALUESET_VALUE_UNKNOWN', da: 'entity.role skal være revision eller removal', en: 'entity.role is revision or removal' });
  }
  const needsPreceding = cancel || code.startsWith('revise-') || code.includes('leave') || code.startsWith('discharge-');
  if (needsPreceding && preceding.length === 0) {
    report(ctx, { key: 'cardinality:Provenance.entity:preceding', expression: at(current, 'entity'), da: 'en rettelse, annullering, orlov eller udskrivning skal henvise til den forrige advis', en: 'a revision, cancellation, leave or discharge names the preceding notification' });
  }
  if (preceding.length > 0 && !preceding.some((x) => x.role === (cancel ? 'removal' : 'revision'))) {
    report(ctx, { key: 'fixed:Provenance.entity.role', expression: at(current, 'entity.role'), type: 'value', code: 'MSG_BAD_FORMAT', da: cancel ? 'en annullering angiver den forrige advis med role removal' : 'den forrige advis angives med role revision', en: cancel ? 'a cancellation names the preceding notification with role removal' : 'the preceding notification is named with role revision' });
  }
  if (!encounter) return;
  const klass = str(obj(encounter.resource.class)?.code);
  if (klass !== undefined && klass !== wants.class) {
    report(ctx, { key: 'activity:Encounter.class', expression: at(encounter, 'class.code'), type: 'value', code: 'MSG_VALUESET_VALUE_UNKNOWN', da: `aktiviteten ${code} kræver klassen ${wants.class}`, en: `activity ${code} requires class ${wants.class}` });
  }
  // A death (Patient.deceased given) keeps the current activity, so its status is not the activity's:
  // finished by MedCom's table, but in-progress in MedCom's own test message MORS_J; not checked.
  const status = str(encounter.resource.status);
  if (deceased === undefined && status !== undefined && status !== wants.status) {
    report(ctx, { key: 'activity:Encounter.status', expression: at(encounter, 'status'), type: 'value', code: 'MSG_VALUESET_VALUE_UNKNOWN', da: `aktiviteten ${code} kræver status ${wants.status}`, en: `activity ${code} requires status ${wants.status}` });
  }
}

/** Does the Provenance describe this message (its target is this MessageHeader), not an earlier one? */
function describes(provenance: Entry, header: Entry | undefined): boolean {
  const target = str(obj(list(provenance.resource.target)[0])?.reference);
  const headerRef = header ? `MessageHeader/${header.resource.id ?? ''}` : undefined;
  return headerRef !== undefined && target !== undefined && (target === headerRef || target.endsWith(`/${headerRef}`));
}

function checkProvenances(ctx: MessageContext, header: Entry | undefined, encounter: Entry | undefined, deceased: unknown, messaging: Set<Entry>): void {
  const current: Entry[] = [];
  for (const entry of ofType(ctx, 'Provenance')) {
    const own = describes(entry, header);
    const { agent } = checkProvenance(ctx, entry, hospitalNotificationActivityCodes, !own);
    if (agent) messaging.add(agent);
    if (own) current.push(entry);
  }
  if (header && current.length !== 1) {
    report(ctx, { key: 'cardinality:Provenance.target:current', expression: 'Bundle.entry.resource.ofType(Provenance)', da: 'præcis én Provenance skal beskrive denne advis (target = dens MessageHeader)', en: 'exactly one Provenance describes this notification (target = its MessageHeader)' });
  }
  if (current[0]) checkActivity(ctx, current[0], encounter, deceased);
}

/** The hand-written profile checks of a HospitalNotification message (the invariants are run separately). */
export function checkHospitalNotificationProfile(message: unknown): MedcomIssue[] {
  const start = checkMessageStart(message, messageEvent.hospitalNotification);
  if (!start) return [notABundle()];
  const { ctx, header, messaging } = start;
  let encounter: Entry | undefined;
  if (header) {
    if (list(header.resource.focus).length !== 1) report(ctx, { key: 'cardinality:MessageHeader.focus', expression: at(header, 'focus'), da: 'MessageHeader skal have præcis én focus', en: 'the MessageHeader has exactly one focus' });
    else encounter = bundled(ctx, list(header.resource.focus)[0], ['Encounter'], at(header, 'focus[0]'), 'cardinality:MessageHeader.focus');
    checkHeaderExtensions(ctx, header, messaging);
  }
  const encounters = ofType(ctx, 'Encounter');
  if (encounters.length !== 1) report(ctx, { key: 'cardinality:Encounter', expression: 'Bundle.entry.resource.ofType(Encounter)', da: 'advisen skal have præcis ét sygehusophold (Encounter)', en: 'the notification has exactly one Encounter' });
  for (const entry of encounters) checkEncounter(ctx, entry);
  const patients = ofType(ctx, 'Patient');
  for (const patient of patients) checkPatient(ctx, patient);
  checkProvenances(ctx, header, encounter ?? encounters[0], patients[0]?.resource.deceasedBoolean, messaging);
  for (const organisation of ofType(ctx, 'Organization')) checkOrganisation(ctx, organisation, messaging.has(organisation));
  checkLocalReferences(ctx, (entry) => entry.resource.resourceType === 'Provenance' && !describes(entry, header));
  return ctx.issues;
}
