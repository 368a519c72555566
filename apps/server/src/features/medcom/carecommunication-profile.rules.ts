import { list, obj, objects, str } from '../../platform/fhir/fhir-json.ts';
import type { Entry, MessageContext } from './medcom-message.rules.ts';
import { at, bundled, checkCoding, checkLocalReferences, checkMessageStart, checkNarratives, checkOrganisation, checkProvenance, notABundle, ofType, report } from './medcom-message.rules.ts';
import type { MedcomIssue } from './medcom-issue.ts';
import { careCommunicationCategories } from './medcom-categories.ts';
import { checkPatient } from './medcom-patient.rules.ts';
import {
  attachmentMimeTypes,
  careCommunicationActivities,
  communicationPriorities,
  medcomExtension,
  medcomSystem,
  messageEvent,
} from './medcom-terminology.ts';

/*
 * The CareCommunication v5 profile as code: the cardinalities, fixed values, slices and bindings
 * of its Bundle, MessageHeader, Communication, Patient, Organizations and Provenances that the
 * FHIRPath invariants (carecommunication-invariants.ts) do not cover.
 */

const UUID_V4_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CATEGORY_CODES = careCommunicationCategories.map((c) => c.code);

function checkCategory(ctx: MessageContext, communication: Entry): void {
  const categories = objects(communication.resource.category);
  const expression = at(communication, 'category');
  const unknown = { code: 'MSG_VALUESET_VALUE_UNKNOWN' as const };
  if (categories.length !== 1) {
    report(ctx, { ...unknown, key: 'cardinality:Communication.category', expression, da: 'beskeden skal have præcis én kategori', en: 'the message has exactly one category' });
    return;
  }
  const codings = objects(categories[0]?.coding);
  if (codings.length !== 1) {
    report(ctx, { ...unknown, key: 'cardinality:Communication.category.coding', expression: `${expression}[0].coding`, da: 'kategorien skal have præcis én kode', en: 'the category has exactly one coding' });
    return;
  }
  const coding = codings[0] ?? {};
  const at0 = `${expression}[0].coding[0]`;
  if (str(coding.system) === undefined) {
    report(ctx, { ...unknown, key: 'cardinality:Communication.category.coding.system', expression: `${at0}.system`, da: 'kategoriens kodesystem mangler', en: 'the category code system is missing' });
  }
  const code = str(coding.code);
  if (code === undefined) {
    report(ctx, { ...unknown, key: 'cardinality:Communication.category.coding.code', expression: `${at0}.code`, da: 'kategoriens kode mangler', en: 'the category code is missing' });
    return;
  }
  // The category CodeSystem is case-insensitive.
  const known = CATEGORY_CODES.map((c) => c.toLowerCase());
  if (str(coding.system) !== undefined) {
    checkCoding(ctx, { system: coding.system, code: code.toLowerCase() }, medcomSystem.categoryCodes, known, at0, 'binding:Communication.category');
  }
}

function checkPayloads(ctx: MessageContext, communication: Entry): void {
  const payloads = objects(communication.resource.payload);
  const texts = payloads.filter((p) => p.contentString !== undefined);
  if (texts.length === 0) report(ctx, { key: 'cardinality:Communication.payload:string', expression: at(communication, 'payload'), da: 'beskeden skal have mindst ét tekstafsnit', en: 'the message has at least one text payload' });
  const seen = new Set<string>();
  payloads.forEach((payload, i) => {
    const expression = at(communication, `payload[${i}]`);
    const isText = payload.contentString !== undefined;
    const attachment = obj(payload.contentAttachment);
    if (!isText && !attachment) {
      report(ctx, { key: 'slice:Communication.payload', expression: `${expression}.content`, type: 'value', code: 'MSG_Datatype_Wrong', da: 'et afsnit skal være tekst eller vedhæftet fil', en: 'a payload is a text or an attachment' });
    }
    const extension = (url: string) => objects(payload.extension).filter((e) => e.url === url);
    const one = (url: string, name: string, required: boolean) => {
      const found = extension(url);
      if (found.length > 1 || (required && found.length === 0)) {
        report(ctx, { key: `cardinality:Communication.payload.extension:${name}`, expression: `${expression}.extension('${url}')`, da: `afsnittets ${name} skal angives præcis én gang`, en: `the payload's ${name} is given exactly once` });
      }
      return found[0];
    };
    const date = one(medcomExtension.dateTime, 'date', true);
    if (date && str(date.valueDateTime) === undefined) report(ctx, { key: 'cardinality:Communication.payload.extension:date', expression: `${expression}.extension('${medcomExtension.dateTime}').value`, da: 'afsnittets tidspunkt mangler', en: 'the payload date is missing' });
    const identifier = obj(one(medcomExtension.identifier, 'identifier', true)?.valueIdentifier);
    const idValue = str(identifier?.value);
    const idAt = `${expression}.extension('${medcomExtension.identifier}').value`;
    if (identifier) {
      if (idValue === undefined || !UUID_V4_URN.test(idValue)) {
        report(ctx, { key: 'medcom-uuidv4', expression: `${idAt}.value`, type: 'value', code: 'MSG_BAD_FORMAT', da: 'afsnittets id skal være et urn:uuid (UUID version 4)', en: 'the payload identifier is a urn:uuid (UUID version 4)' });
      } else if (seen.has(idValue)) {
        report(ctx, { key: 'unique:Communication.payload.identifier', expression: `${idAt}.value`, type: 'duplicate', code: 'MSG_DUPLICATE_ID', da: 'to afsnit har samme id', en: 'two payloads have the same identifier' });
      }
      if (idValue) seen.add(idValue);
      bundled(ctx, identifier.assigner, ['Organization'], `${idAt}.assigner`, 'cardinality:Communication.payload.identifier.assigner');
    }
    const author = one(medcomExtension.practitioner, 'author', isText);
    if (author) bundled(ctx, author.valueReference, ['PractitionerRole'], `${expression}.extension('${medcomExtension.practitioner}').value`, 'cardinality:Communication.payload.extension:author');
    const contact = obj(one(medcomExtension.contact, 'authorContact', isText)?.valueContactPoint);
    if (contact && (contact.system !== 'phone' || str(contact.value) === undefined)) {
      report(ctx, { key: 'cardinality:Communication.payload.extension:authorContact', expression: `${expression}.extension('${medcomExtension.contact}').value`, da: 'forfatterens telefonnummer mangler', en: "the author's phone number is missing" });
    }
    if (attachment) {
      const contentType = str(attachment.contentType);
      if (contentType === undefined || !(attachmentMimeTypes as readonly string[]).includes(contentType)) {
        report(ctx, { key: 'binding:Communication.payload.contentAttachment.contentType', expression: `${expression}.content.contentType`, type: 'code-invalid', code: 'MSG_VALUESET_VALUE_UNKNOWN', da: `filtypen skal være en af ${attachmentMimeTypes.join(', ')}`, en: `the content type is one of ${attachmentMimeTypes.join(', ')}` });
      }
      if (str(attachment.title) === undefined) report(ctx, { key: 'cardinality:Communication.payload.contentAttachment.title', expression: `${expression}.content.title`, da: 'den vedhæftede fil mangler titel', en: 'the attachment has no title' });
    }
  });
}

function checkCommunication(ctx: MessageContext, communication: Entry, header: Entry | undefined): void {
  const c = communication.resource;
  if (c.status !== 'unknown') report(ctx, { key: 'fixed:Communication.status', expression: at(communication, 'status'), type: 'code-invalid', code: 'MSG_VALUESET_VALUE_UNKNOWN', da: 'status skal være "unknown"', en: 'the status must be "unknown"' });
  const identifiers = objects(c.identifier);
  if (identifiers.length !== 1 || str(identifiers[0]?.value) === undefined) {
    report(ctx, { key: 'cardinality:Communication.identifier', expression: at(communication, 'identifier'), da: 'kommunikations-id (tråd-id) mangler', en: 'the communication (thread) identifier is missing' });
  }
  checkCategory(ctx, communication);
  if (c.priority !== undefined && !(communicationPriorities as readonly unknown[]).includes(c.priority)) {
    report(ctx, { key: 'binding:Communication.priority', expression: at(communication, 'priority'), type: 'code-invalid', code: 'MSG_VALUESET_VALUE_UNKNOWN', da: 'prioritet skal være routine eller asap', en: 'the priority is routine or asap' });
  }
  bundled(ctx, c.subject, ['Patient'], at(communication, 'subject'), 'cardinality:Communication.subject');
  if (c.topic !== undefined && str(obj(c.topic)?.text) === undefined) report(ctx, { key: 'cardinality:Communication.topic.text', expression: at(communication, 'topic.text'), da: 'emnet skal have en tekst', en: 'the topic has a text' });
  const recipients = list(c.recipient);
  if (recipients.length > 1) report(ctx, { key: 'cardinality:Communication.recipient', expression: at(communication, 'recipient'), type: 'structure', code: 'MSG_RESOURCE_NOT_ALLOWED', da: 'højst én specifik modtager', en: 'at most one specific recipient' });
  if (recipients[0] !== undefined) bundled(ctx, recipients[0], ['PractitionerRole', 'CareTeam'], at(communication, 'recipient[0]'), 'cardinality:Communication.recipient');
  const senders = objects(c.extension).filter((e) => e.url === medcomExtension.sender);
  if (senders.length > 1) report(ctx, { key: 'cardinality:Communication.extension:sender', expression: at(communication, 'extension'), type: 'structure', code: 'MSG_RESOURCE_NOT_ALLOWED', da: 'højst én specifik afsender', en: 'at most one specific sender' });
  if (senders[0]) bundled(ctx, senders[0].valueReference, ['PractitionerRole', 'CareTeam'], at(communication, `extension('${medcomExtension.sender}').value`), 'cardinality:Communication.extension:sender');
  if (c.encounter !== undefined) bundled(ctx, c.encounter, ['Encounter'], at(communication, 'encounter'), 'cardinality:Communication.encounter');
  checkPayloads(ctx, communication);
  if (header && str(obj(list(header.resource.focus)[0])?.reference) !== undefined) {
    const focus = bundled(ctx, list(header.resource.focus)[0], ['Communication'], at(header, 'focus[0]'), 'cardinality:MessageHeader.focus');
    if (focus && focus !== communication) report(ctx, { key: 'cardinality:MessageHeader.focus', expression: at(header, 'focus[0]'), type: 'not-found', code: 'MSG_LOCAL_FAIL', da: 'focus skal pege på beskedens Communication', en: "the focus must point at the message's Communication" });
  }
}

function checkProvenances(ctx: MessageContext, header: Entry | undefined): Set<Entry> {
  const agents = new Set<Entry>();
  const headerRef = header ? `MessageHeader/${header.resource.id ?? ''}` : undefined;
  let current = 0;
  for (const entry of ofType(ctx, 'Provenance')) {
    const { agent } = checkProvenance(ctx, entry, careCommunicationActivities);
    if (agent) agents.add(agent);
    const entities = objects(entry.resource.entity);
    entities.forEach((entity, i) => {
      const what = obj(entity.what);
      if (entity.role !== 'revision' && entity.role !== 'source') {
        report(ctx, { key: 'slice:Provenance.entity', expression: at(entry, `entity[${i}].role`), type: 'code-invalid', code: 'MSG_VALUESET_VALUE_UNKNOWN', da: 'entity.role skal være revision eller source', en: 'entity.role is revision or source' });
      } else if (entity.role === 'source' && str(obj(what?.identifier)?.value) === undefined) {
        report(ctx, { key: 'cardinality:Provenance.entity:payload.what.identifier', expression: at(entry, `entity[${i}].what.identifier.value`), da: 'entity (source) skal angive afsnittets id', en: 'a source entity names its payload identifier' });
      } else if (entity.role === 'revision' && str(what?.reference) === undefined && str(obj(what?.identifier)?.value) === undefined) {
        report(ctx, { key: 'cardinality:Provenance.entity:preceedingMessage.what', expression: at(entry, `entity[${i}].what`), da: 'entity (revision) skal angive den forrige besked', en: 'a revision entity names the preceding message' });
      }
    });
    if (entities.filter((e) => e.role === 'revision').length > 1) report(ctx, { key: 'cardinality:Provenance.entity:preceedingMessage', expression: at(entry, 'entity'), type: 'structure', code: 'MSG_RESOURCE_NOT_ALLOWED', da: 'højst én forrige besked pr. Provenance', en: 'at most one preceding message per Provenance' });
    const target = str(obj(list(entry.resource.target)[0])?.reference);
    if (headerRef && target !== undefined && (target === headerRef || target.endsWith(`/${headerRef}`))) {
      current += 1;
      const activity = str(obj(objects(obj(entry.resource.activity)?.coding)[0])?.code);
      if (entities.filter((e) => e.role === 'source').length === 0) report(ctx, { key: 'cardinality:Provenance.entity:payload', expression: at(entry, 'entity'), da: 'Provenance for beskeden skal angive de nye afsnit', en: "the message's Provenance names its new payloads" });
      if ((activity === 'reply-message' || activity === 'forward-message') && !entities.some((e) => e.role === 'revision')) {
        report(ctx, { key: 'cardinality:Provenance.entity:preceedingMessage', expression: at(entry, 'entity'), da: 'et svar eller en videresendelse skal angive den forrige besked', en: 'a reply or forward names the preceding message' });
      }
    }
  }
  if (header && current !== 1) report(ctx, { key: 'cardinality:Provenance.target:current', expression: 'Bundle.entry.resource.ofType(Provenance)', da: 'præcis én Provenance skal beskrive denne besked (target = dens MessageHeader)', en: 'exactly one Provenance describes this message (target = its MessageHeader)' });
  return agents;
}

/** The hand-written profile checks of a CareCommunication message (the invariants are run separately). */
export function checkCareCommunicationProfile(message: unknown): MedcomIssue[] {
  const start = checkMessageStart(message, messageEvent.careCommunication);
  if (!start) return [notABundle()];
  const { ctx, header, messaging } = start;
  if (header) {
    if (list(header.resource.focus).length !== 1) report(ctx, { key: 'cardinality:MessageHeader.focus', expression: at(header, 'focus'), da: 'MessageHeader skal have præcis én focus', en: 'the MessageHeader has exactly one focus' });
    if (str(header.resource.definition) === undefined) report(ctx, { key: 'cardinality:MessageHeader.definition', expression: at(header, 'definition'), da: 'MessageHeader.definition mangler', en: 'MessageHeader.definition is missing' });
  }
  const communications = ofType(ctx, 'Communication');
  if (communications.length !== 1) report(ctx, { key: 'cardinality:Communication', expression: 'Bundle.entry.resource.ofType(Communication)', da: 'beskeden skal have præcis én Communication', en: 'the message has exactly one Communication' });
  for (const communication of communications) checkCommunication(ctx, communication, header);
  for (const patient of ofType(ctx, 'Patient')) checkPatient(ctx, patient);
  for (const agent of checkProvenances(ctx, header)) messaging.add(agent);
  for (const organisation of ofType(ctx, 'Organization')) checkOrganisation(ctx, organisation, messaging.has(organisation));
  for (const team of ofType(ctx, 'CareTeam')) if (str(team.resource.name) === undefined) report(ctx, { key: 'cardinality:CareTeam.name', expression: at(team, 'name'), da: 'teamet mangler navn', en: 'the care team has no name' });
  for (const encounter of ofType(ctx, 'Encounter')) bundled(ctx, encounter.resource.subject, ['Patient'], at(encounter, 'subject'), 'cardinality:Encounter.subject');
  checkNarratives(ctx);
  checkLocalReferences(ctx);
  return ctx.issues;
}
