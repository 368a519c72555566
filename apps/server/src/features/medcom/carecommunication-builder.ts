import type { FhirBundle, FhirResource } from '../../platform/fhir/fhir-json.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import { checkGln, checkSor } from '@samkraft/contracts/identifiers';
import type { CareCommunicationModel, MessagePayload, PractitionerRoleCode } from './carecommunication-reader.ts';
import type { MedcomOrganisation, MedcomOrganisationInput } from './medcom-organisation.ts';
import { organisationInput } from './medcom-organisation.ts';
import type { CareCommunicationCategory } from './medcom-categories.ts';
import { careCommunicationCategory } from './medcom-categories.ts';
import type { PatientIdentifierKind } from './medcom-identifiers.ts';
import { isPatientIdentifierValue, patientIdentifierSystem, patientIdentifierUse } from './medcom-identifiers.ts';
import type { IdSource, PersonInput } from './medcom-resources.ts';
import {
  careTeamResource,
  defaultFullUrlBase,
  entryOf,
  instant,
  messageBundle,
  organisationResource,
  practitionerResources,
  primaryDestination,
  provenanceResource,
  refOf,
  uuids,
} from './medcom-resources.ts';
import { narrative, referenceText, timeText } from './medcom-narrative.ts';
import type { AttachmentMimeType, CareCommunicationActivity, CommunicationPriority } from './medcom-terminology.ts';
import { careCommunicationDefinition, medcomExtension, medcomProfile, medcomSystem, messageEvent, sorEndpoint } from './medcom-terminology.ts';

/*
 * An outgoing CareCommunication (korrespondancemeddelelse) v5: new, reply or forward (IG 5.0.4
 * §2.4, the closing note of §2.9), from plain input to a message Bundle with UUIDs, absolute
 * fullUrls, meta.profile and generated narratives. A reply keeps the thread (Communication.
 * identifier), carries every earlier payload — earlier attachments without their content — and
 * the earlier Provenance, and adds its own; a forward starts a new thread with the chosen earlier
 * payloads. The messaging module validates the result before it leaves.
 */

export type PatientInput = {
  identifier: { kind: PatientIdentifierKind; value: string; /** a D-eCPR's regional OID */ system?: string };
  /** The official family name; absent → marked unknown (data-absent-reason), as MedCom allows. */
  family: string | undefined;
  given?: string[];
};

export type AuthorInput = { given: string[]; family: string; role: PractitionerRoleCode; phone: string };

export type AttachmentInput = { title: string; /** base64 */ data: string; contentType?: AttachmentMimeType; creation?: Date };

export type SpecificPartyInput = { kind: 'CareTeam'; name: string } | { kind: 'PractitionerRole'; given: string[]; family: string; role: PractitionerRoleCode };

export type CareCommunicationInput = {
  kind: 'new' | 'reply' | 'forward';
  /** The message replied to or forwarded (its model, as read). */
  previous?: CareCommunicationModel;
  /** Forward only: the earlier payloads to pass on (their identifiers); all when absent. */
  forwardPayloads?: readonly string[];
  sender: MedcomOrganisationInput;
  receiver: MedcomOrganisationInput;
  patient: PatientInput;
  /** Required for a new message; a reply or forward keeps the previous one's when absent. */
  category?: CareCommunicationCategory;
  topic?: string;
  /** Only with category regarding-referral (medcom-careCommunication-5). */
  priority?: CommunicationPriority;
  text: string;
  attachment?: AttachmentInput;
  author: AuthorInput;
  /** A team or person below the sending organisation that sends (Communication sender extension). */
  specificSender?: SpecificPartyInput;
  /** A team or person below the receiving organisation; a reply addresses the previous specific sender when absent. */
  specificRecipient?: SpecificPartyInput;
  /** The episode of care an earlier message named; a reply carries the previous one's on. */
  encounter?: { episodeOfCare: { system?: string; value: string }; status: string; class: { system: string; code: string } };
  sentAt: Date;
  ids?: IdSource;
  fullUrlBase?: string;
};

export type BuiltCareCommunication = {
  bundle: FhirBundle;
  bundleId: string;
  messageHeaderId: string;
  threadId: string;
  /** The identifiers of the payloads this message adds (its text, then its attachment). */
  payloadIdentifiers: string[];
};

const PHONE = /^[+]?[-0-9 ]+$/;

type AttachmentValue = { contentType: string | undefined; data?: string; url?: string; title: string | undefined; creation?: string };

function refuse(input: CareCommunicationInput): void {
  const fields: FieldIssue[] = [];
  const bad = (field: string, message: string) => fields.push({ field, code: 'invalid', message });
  for (const side of ['sender', 'receiver'] as const) {
    const sor = checkSor(input[side].sor);
    if (!sor.ok) bad(`${side}.sor`, sor.message);
    const gln = checkGln(input[side].gln);
    if (!gln.ok) bad(`${side}.gln`, gln.message);
  }
  // The value is never repeated in a message: it may be a CPR number.
  if (!isPatientIdentifierValue(input.patient.identifier.kind, input.patient.identifier.value)) bad('patient.identifier.value', `is not a valid ${input.patient.identifier.kind}`);
  if (input.kind !== 'new' && !input.previous) bad('previous', `a ${input.kind} needs the previous message`);
  if (input.kind === 'reply' && !input.previous?.threadId) bad('previous.threadId', 'the previous message has no thread identifier');
  const category = input.category ?? input.previous?.category;
  if (!careCommunicationCategory(category)) bad('category', 'must be one of MedCom’s CareCommunication categories');
  if (category === 'other' && !(input.topic ?? input.previous?.topic)) bad('topic', 'is required when the category is other');
  if (input.priority !== undefined && category !== 'regarding-referral') bad('priority', 'is allowed only with the category regarding-referral');
  if (input.text.trim() === '') bad('text', 'must not be empty');
  if (!PHONE.test(input.author.phone.trim())) bad('author.phone', 'must be a phone number');
  if (input.author.family.trim() === '') bad('author.family', 'must not be empty');
  if (input.attachment && input.attachment.title.trim() === '') bad('attachment.title', 'must not be empty');
  if (input.attachment && !/^[A-Za-z0-9+/]+={0,2}$/.test(input.attachment.data)) bad('attachment.data', 'must be base64');
  if (fields.length > 0) throw AppError.validation(fields);
}

/** Builds the message; refuses input that could not make a valid one, naming the field. */
export function buildCareCommunication(input: CareCommunicationInput): BuiltCareCommunication {
  refuse(input);
  const base = input.fullUrlBase ?? defaultFullUrlBase;
  const sentAt = instant(input.sentAt);
  const previous = input.kind === 'new' ? undefined : input.previous;
  // The ids the history keeps (its Provenance, messages, payloads, thread) are not handed out again.
  const taken = new Set(
    [
      previous?.messageHeaderId,
      previous?.threadId,
      ...(previous?.provenances ?? []).flatMap((p) => [p.resourceId, p.messageHeaderId]),
      ...(previous?.payloads ?? []).map((p) => p.identifier),
    ].flatMap((id) => (id ? [id.replace(/^urn:uuid:/, '')] : [])),
  );
  const source = input.ids ?? uuids;
  const ids: IdSource = () => {
    let id = source();
    while (taken.has(id)) id = source();
    taken.add(id);
    return id;
  };
  const activity: CareCommunicationActivity = input.kind === 'new' ? 'new-message' : input.kind === 'reply' ? 'reply-message' : 'forward-message';
  const resources: FhirResource[] = [];

  // Organisations, one per SOR: ours and theirs, and any an earlier payload or Provenance names.
  const organisations = new Map<string, FhirResource>();
  const organisation = (o: MedcomOrganisationInput) => {
    let found = organisations.get(o.sor);
    if (!found) {
      found = organisationResource(ids(), o);
      organisations.set(o.sor, found);
    }
    return found;
  };
  const earlierOrganisation = (o: MedcomOrganisation | undefined) => {
    const known = organisationInput(o);
    return known ? organisation(known) : undefined;
  };
  const sender = organisation(input.sender);
  const receiver = organisation(input.receiver);

  const people = new Map<string, FhirResource>();
  const person = (p: PersonInput, at: FhirResource | undefined) => {
    const key = JSON.stringify([p.given, p.family, p.role, at?.id]);
    let role = people.get(key);
    if (!role) {
      const built = practitionerResources(ids, p, at);
      resources.push(built.role, built.practitioner);
      people.set(key, built.role);
      role = built.role;
    }
    return role;
  };
  const party = (p: SpecificPartyInput, at: FhirResource) => {
    if (p.kind === 'PractitionerRole') return person(p, at);
    const team = careTeamResource(ids(), p.name, at);
    resources.push(team);
    return team;
  };

  const patientId = ids();
  const { identifier, family, given = [] } = input.patient;
  const name = { use: 'official', ...(family ? { family } : { _family: { extension: [{ url: medcomSystem.dataAbsentReason, valueCode: 'unknown' }] } }), ...(given.length > 0 ? { given } : {}) };
  const identifierLabel = identifier.kind === 'cpr' ? 'CPR-nummer' : identifier.kind === 'x-ecpr' ? 'Erstatnings-CPR (X-eCPR)' : 'Erstatnings-CPR (D-eCPR)';
  const fullName = [...given, family ?? '(efternavn ukendt / family name unknown)'].join(' ');
  const patient: FhirResource = {
    resourceType: 'Patient',
    id: patientId,
    meta: { profile: [medcomProfile.corePatient] },
    text: narrative('Borger (Patient)', patientId, [
      [`${identifierLabel} (identifier)`, identifier.value],
      ['Officielt navn (name:official)', fullName],
    ]),
    identifier: [{ use: patientIdentifierUse[identifier.kind], system: identifier.system ?? patientIdentifierSystem(identifier.kind), value: identifier.value }],
    name: [name],
  };

  // Earlier payloads: a reply carries them all, their attachments without content; a forward the chosen ones.
  const earlier: MessagePayload[] = (previous?.payloads ?? []).filter((p) => input.kind !== 'forward' || !input.forwardPayloads || (p.identifier !== undefined && input.forwardPayloads.includes(p.identifier)));
  const payloads: Record<string, unknown>[] = [];
  const payloadLines: [string, string | undefined][] = [];
  const addPayload = (p: { identifier: string; date: string; assigner: FhirResource; author?: FhirResource; authorName?: string; phone?: string; text?: string; attachment?: AttachmentValue | undefined }) => {
    payloads.push({
      extension: [
        { url: medcomExtension.dateTime, valueDateTime: p.date },
        { url: medcomExtension.identifier, valueIdentifier: { value: p.identifier, assigner: { reference: refOf(p.assigner) } } },
        ...(p.author ? [{ url: medcomExtension.practitioner, valueReference: { reference: refOf(p.author) } }] : []),
        ...(p.phone ? [{ url: medcomExtension.contact, valueContactPoint: { system: 'phone', value: p.phone } }] : []),
      ],
      ...(p.text !== undefined ? { contentString: p.text } : { contentAttachment: p.attachment }),
    });
    const attachment = p.attachment;
    const what =
      p.text ??
      `Vedhæftet fil / attachment: ${attachment?.title ?? ''} (${[attachment?.contentType, attachment?.creation, attachment?.url].filter(Boolean).join(', ')}; indholdet vises ikke her / content not shown)`;
    payloadLines.push([`Afsnit (payload) ${p.identifier}`, `${timeText(p.date) ?? ''} — ${p.authorName ?? ''}${p.phone ? `, tlf. ${p.phone}` : ''} (${p.author ? refOf(p.author) : refOf(p.assigner)})\n${what}`]);
  };
  for (const p of earlier) {
    const assigner = earlierOrganisation(p.assigner) ?? sender;
    const author = p.author ? person({ given: p.author.given, family: p.author.family, role: p.author.role }, earlierOrganisation(p.author.organisation)) : undefined;
    const attachment: AttachmentValue | undefined = p.attachment && {
      contentType: p.attachment.contentType,
      ...(input.kind === 'forward' && p.attachment.data ? { data: p.attachment.data } : {}),
      ...(p.attachment.url ? { url: p.attachment.url } : {}),
      title: p.attachment.title,
      ...(p.attachment.creation ? { creation: p.attachment.creation } : {}),
    };
    addPayload({
      identifier: p.identifier ?? `urn:uuid:${ids()}`,
      date: p.date ?? sentAt,
      assigner,
      ...(author ? { author, authorName: [...(p.author?.given ?? []), p.author?.family ?? ''].join(' ').trim() } : {}),
      ...(p.authorPhone ? { phone: p.authorPhone } : {}),
      ...(p.text !== undefined ? { text: p.text } : { attachment }),
    });
  }

  const author = person({ given: input.author.given, family: input.author.family, role: input.author.role }, sender);
  const authorName = [...input.author.given, input.author.family].join(' ');
  const textId = `urn:uuid:${ids()}`;
  addPayload({ identifier: textId, date: sentAt, assigner: sender, author, authorName, phone: input.author.phone.trim(), text: input.text });
  const payloadIdentifiers = [textId];
  if (input.attachment) {
    const attachmentId = `urn:uuid:${ids()}`;
    payloadIdentifiers.push(attachmentId);
    addPayload({
      identifier: attachmentId,
      date: sentAt,
      assigner: sender,
      author,
      authorName,
      phone: input.author.phone.trim(),
      attachment: { contentType: input.attachment.contentType ?? 'application/pdf', data: input.attachment.data, title: input.attachment.title, creation: instant(input.attachment.creation ?? input.sentAt) },
    });
  }

  const specificSender = input.specificSender ? party(input.specificSender, sender) : undefined;
  const recipientInput: SpecificPartyInput | undefined =
    input.specificRecipient ?? (input.kind === 'reply' && previous?.specificSender ? specificPartyInput(previous.specificSender) : undefined);
  const specificRecipient = recipientInput ? party(recipientInput, receiver) : undefined;

  const encounterInput =
    input.encounter ??
    (input.kind === 'reply' && previous?.episodeOfCare
      ? { episodeOfCare: previous.episodeOfCare, status: previous.encounter?.status ?? 'unknown', class: { system: previous.encounter?.class?.system ?? medcomSystem.encounterClass, code: previous.encounter?.class?.code ?? 'AMB' } }
      : undefined);
  let encounter: FhirResource | undefined;
  if (encounterInput) {
    const encounterId = ids();
    const episodeOfCare = { identifier: { ...(encounterInput.episodeOfCare.system ? { system: encounterInput.episodeOfCare.system } : {}), value: encounterInput.episodeOfCare.value } };
    encounter = {
      resourceType: 'Encounter',
      id: encounterId,
      meta: { profile: [medcomProfile.coreEncounter] },
      text: narrative('Kontakt (Encounter)', encounterId, [
        ['Status (status)', encounterInput.status],
        ['Klasse (class)', encounterInput.class.code],
        ['Borger (subject)', refOf(patient)],
        ['Forløbs-id (episodeOfCare.identifier)', [encounterInput.episodeOfCare.system, encounterInput.episodeOfCare.value].filter(Boolean).join(' / ')],
      ]),
      status: encounterInput.status,
      class: encounterInput.class,
      subject: { reference: refOf(patient) },
      episodeOfCare: [episodeOfCare],
    };
    resources.push(encounter);
  }

  const categoryCode = (input.category ?? previous?.category) as CareCommunicationCategory;
  const category = careCommunicationCategory(categoryCode);
  const topic = input.topic ?? previous?.topic;
  const threadId = input.kind === 'reply' && previous?.threadId ? previous.threadId : `urn:uuid:${ids()}`;
  const communicationId = ids();
  const communication: FhirResource = {
    resourceType: 'Communication',
    id: communicationId,
    meta: { profile: [medcomProfile.careCommunicationCommunication] },
    text: narrative(
      'Korrespondancemeddelelse (Communication)',
      communicationId,
      [
        ['Tråd-id (identifier)', threadId],
        ['Status (status)', 'unknown'],
        ['Kategori (category)', category ? `${category.da} (${category.en}, ${category.code})` : categoryCode],
        ['Prioritet (priority)', input.priority],
        ['Borger (subject)', referenceText(refOf(patient), fullName)],
        ['Emne (topic)', topic],
        ['Kontakt (encounter)', encounter ? refOf(encounter) : undefined],
        ['Specifik afsender (extension:sender)', specificSender ? refOf(specificSender) : undefined],
        ['Specifik modtager (recipient)', specificRecipient ? refOf(specificRecipient) : undefined],
        ...payloadLines,
      ],
      'extensions',
    ),
    ...(specificSender ? { extension: [{ url: medcomExtension.sender, valueReference: { reference: refOf(specificSender) } }] } : {}),
    identifier: [{ value: threadId }],
    status: 'unknown',
    category: [{ coding: [{ system: medcomSystem.categoryCodes, code: categoryCode }] }],
    ...(input.priority ? { priority: input.priority } : {}),
    subject: { reference: refOf(patient) },
    ...(topic ? { topic: { text: topic } } : {}),
    ...(encounter ? { encounter: { reference: refOf(encounter) } } : {}),
    ...(specificRecipient ? { recipient: [{ reference: refOf(specificRecipient) }] } : {}),
    payload: payloads,
  };

  const messageHeaderId = ids();
  // The history this message carries on (a reply all of it, a forward too), then its own activity.
  const provenances = (previous?.provenances ?? []).flatMap((p) => {
    const agent = earlierOrganisation(p.agent);
    if (!agent || !p.messageHeaderId || !p.activity || !p.occurred) return [];
    return [
      provenanceResource({
        id: p.resourceId && /^[A-Za-z0-9\-.]{1,64}$/.test(p.resourceId) ? p.resourceId : ids(),
        profile: medcomProfile.careCommunicationProvenance,
        messageHeaderId: p.messageHeaderId,
        occurred: p.occurred,
        recorded: p.recorded,
        activity: p.activity,
        agent,
        precedingMessageHeaderId: p.precedingMessageHeaderId,
        precedingIdentifier: p.precedingIdentifier,
        payloadIdentifiers: p.payloadIdentifiers,
      }),
    ];
  });
  provenances.push(
    provenanceResource({
      id: ids(),
      profile: medcomProfile.careCommunicationProvenance,
      messageHeaderId,
      occurred: sentAt,
      recorded: sentAt,
      activity,
      agent: sender,
      precedingMessageHeaderId: previous?.messageHeaderId,
      payloadIdentifiers,
    }),
  );

  const header: FhirResource = {
    resourceType: 'MessageHeader',
    id: messageHeaderId,
    meta: { profile: [medcomProfile.careCommunicationMessageHeader] },
    text: narrative('Brevhoved (MessageHeader)', messageHeaderId, [
      ['Hændelse (eventCoding)', `Korrespondancemeddelelse (${messageEvent.careCommunication})`],
      ['Modtager (destination:primary.receiver)', referenceText(refOf(receiver), `${input.receiver.name}, SOR ${input.receiver.sor}`)],
      ['Modtagers endpoint (destination.endpoint)', sorEndpoint(input.receiver.sor)],
      ['Afsender (sender)', referenceText(refOf(sender), `${input.sender.name}, SOR ${input.sender.sor}`)],
      ['Afsenders endpoint (source.endpoint)', sorEndpoint(input.sender.sor)],
      ['Indhold (focus)', refOf(communication)],
      ['Definition (definition)', careCommunicationDefinition],
    ]),
    eventCoding: { system: medcomSystem.eventCodes, code: messageEvent.careCommunication },
    destination: [primaryDestination(receiver, input.receiver.sor)],
    sender: { reference: refOf(sender) },
    source: { endpoint: sorEndpoint(input.sender.sor) },
    focus: [{ reference: refOf(communication) }],
    definition: careCommunicationDefinition,
  };

  const bundleId = ids();
  const all = [header, patient, communication, ...resources, ...organisations.values(), ...provenances];
  const bundle = messageBundle(bundleId, medcomProfile.careCommunicationMessage, sentAt, all.map((r) => entryOf(base, r)));
  return { bundle, bundleId, messageHeaderId, threadId, payloadIdentifiers };
}

/** A specific party read from a message, as builder input (a reply addresses the previous specific sender). */
export function specificPartyInput(party: NonNullable<CareCommunicationModel['specificSender']>): SpecificPartyInput | undefined {
  if (party.kind === 'CareTeam') return party.name ? { kind: 'CareTeam', name: party.name } : undefined;
  if (!party.family || !party.role) return undefined;
  return { kind: 'PractitionerRole', given: party.given, family: party.family, role: party.role };
}
