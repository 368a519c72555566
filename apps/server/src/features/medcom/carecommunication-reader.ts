import { AppError } from '../../platform/errors.ts';
import type { FhirResource } from '../../platform/fhir/fhir-json.ts';
import { extensionValue, list, obj, objects, str } from '../../platform/fhir/fhir-json.ts';
import type { MedcomOrganisation } from './medcom-organisation.ts';
import type { MessagePatient, MessageProvenance } from './medcom-message-reader.ts';
import { messageParts, readPatient, readProvenances } from './medcom-message-reader.ts';
import { careCommunicationCategory } from './medcom-categories.ts';
import { medcomExtension, medcomSystem } from './medcom-terminology.ts';

/*
 * A received (or built) CareCommunication as a plain model: what the messaging module stores and
 * shows, matches to a citizen and a thread, and what a reply or forward is built from. The reader
 * expects a message that passed validation but never throws on a missing optional part.
 */

export type PractitionerRoleCode = { system: string | undefined; code: string } | { text: string };

/** The author of a payload: a PractitionerRole with its Practitioner's name. */
export type MessageAuthor = { given: string[]; family: string | undefined; role: PractitionerRoleCode | undefined; organisation: MedcomOrganisation | undefined };

/** A specific sender or recipient below the organisations: a CareTeam or a PractitionerRole. */
export type SpecificParty =
  | { kind: 'CareTeam'; name: string | undefined; organisation: MedcomOrganisation | undefined }
  | ({ kind: 'PractitionerRole' } & MessageAuthor);

export type MessageAttachment = {
  contentType: string | undefined;
  title: string | undefined;
  creation: string | undefined;
  url: string | undefined;
  /** The base64 content, when the message carries it (earlier attachments in a reply do not). */
  data: string | undefined;
  /** Decoded size in bytes, when the content is carried. */
  size: number | undefined;
};

export type MessagePayload = {
  /** `urn:uuid:…`, unique to the payload for ever. */
  identifier: string | undefined;
  date: string | undefined;
  /** The organisation that wrote the payload (identifier assigner). */
  assigner: MedcomOrganisation | undefined;
  author: MessageAuthor | undefined;
  authorPhone: string | undefined;
  text: string | undefined;
  attachment: MessageAttachment | undefined;
};

export type CareCommunicationModel = {
  bundleId: string | undefined;
  timestamp: string | undefined;
  messageHeaderId: string | undefined;
  definition: string | undefined;
  sender: MedcomOrganisation | undefined;
  senderEndpoint: string | undefined;
  receiver: MedcomOrganisation | undefined;
  receiverEndpoint: string | undefined;
  patient: MessagePatient | undefined;
  communicationId: string | undefined;
  /** Communication.identifier: the thread a reply keeps and a forward or new message starts. */
  threadId: string | undefined;
  category: string | undefined;
  categoryText: { da: string; en: string } | undefined;
  topic: string | undefined;
  priority: string | undefined;
  encounter: { status: string | undefined; class: { system: string | undefined; code: string } | undefined } | undefined;
  /** The episode-of-care identifier (Encounter.episodeOfCare.identifier), which a reply carries on. */
  episodeOfCare: { system: string | undefined; value: string } | undefined;
  specificSender: SpecificParty | undefined;
  specificRecipient: SpecificParty | undefined;
  payloads: MessagePayload[];
  provenances: MessageProvenance[];
  /** The activity of this message (new, reply, forward): its Provenance targets this MessageHeader. */
  activity: string | undefined;
  precedingMessageHeaderId: string | undefined;
};

function readRole(role: FhirResource): PractitionerRoleCode | undefined {
  const code = objects(role.code)[0];
  const coding = objects(code?.coding)[0];
  if (str(coding?.code)) return { system: str(coding?.system), code: String(coding?.code) };
  const text = str(code?.text);
  return text ? { text } : undefined;
}

export function readCareCommunication(message: unknown): CareCommunicationModel {
  const { bundle, entries, header, destination, resolve, organisation } = messageParts(message);
  const communication = entries.find((r) => r.resourceType === 'Communication');
  if (!communication) throw AppError.validation([{ field: 'Bundle.entry', code: 'invalid', message: 'the message has no MessageHeader or no Communication' }]);

  const author = (reference: unknown): MessageAuthor | undefined => {
    const role = resolve(reference);
    if (!role || role.resourceType !== 'PractitionerRole') return undefined;
    const practitioner = resolve(role.practitioner);
    const name = objects(practitioner?.name)[0];
    return {
      given: list(name?.given).filter((g): g is string => typeof g === 'string'),
      family: str(name?.family),
      role: readRole(role),
      organisation: organisation(role.organization),
    };
  };
  const party = (reference: unknown): SpecificParty | undefined => {
    const resource = resolve(reference);
    if (resource?.resourceType === 'CareTeam') return { kind: 'CareTeam', name: str(resource.name), organisation: organisation(list(resource.managingOrganization)[0]) };
    const person = author(reference);
    return person ? { kind: 'PractitionerRole', ...person } : undefined;
  };

  const headerId = header.id;
  const provenances = readProvenances(entries, organisation);
  const own = provenances.find((p) => p.messageHeaderId !== undefined && p.messageHeaderId === headerId);

  const category = obj(objects(objects(communication.category)[0]?.coding)[0]);
  const categoryCode = category?.system === medcomSystem.categoryCodes ? str(category.code) : undefined;
  const known = careCommunicationCategory(categoryCode);
  const encounter = resolve(communication.encounter);
  const episode = obj(obj(objects(encounter?.episodeOfCare)[0])?.identifier);
  const encounterClass = obj(encounter?.class);

  return {
    bundleId: str(bundle.id),
    timestamp: str(bundle.timestamp),
    messageHeaderId: headerId,
    definition: str(header.definition),
    sender: organisation(header.sender),
    senderEndpoint: str(obj(header.source)?.endpoint),
    receiver: organisation(destination?.receiver),
    receiverEndpoint: str(destination?.endpoint),
    patient: readPatient(resolve(communication.subject) ?? entries.find((r) => r.resourceType === 'Patient')),
    communicationId: communication.id,
    threadId: str(objects(communication.identifier)[0]?.value),
    category: known?.code ?? categoryCode,
    categoryText: known ? { da: known.da, en: known.en } : undefined,
    topic: str(obj(communication.topic)?.text),
    priority: str(communication.priority),
    encounter: encounter ? { status: str(encounter.status), class: str(encounterClass?.code) ? { system: str(encounterClass?.system), code: String(encounterClass?.code) } : undefined } : undefined,
    episodeOfCare: str(episode?.value) ? { system: str(episode?.system), value: String(episode?.value) } : undefined,
    specificSender: party(extensionValue(communication, medcomExtension.sender, 'valueReference')),
    specificRecipient: party(list(communication.recipient)[0]),
    payloads: objects(communication.payload).map((payload): MessagePayload => {
      const identifier = obj(extensionValue(payload, medcomExtension.identifier, 'valueIdentifier'));
      const attachment = obj(payload.contentAttachment);
      const data = str(attachment?.data);
      return {
        identifier: str(identifier?.value),
        date: str(extensionValue(payload, medcomExtension.dateTime, 'valueDateTime')),
        assigner: organisation(identifier?.assigner),
        author: author(extensionValue(payload, medcomExtension.practitioner, 'valueReference')),
        authorPhone: str(obj(extensionValue(payload, medcomExtension.contact, 'valueContactPoint'))?.value),
        text: str(payload.contentString),
        attachment: attachment
          ? {
              contentType: str(attachment.contentType),
              title: str(attachment.title),
              creation: str(attachment.creation),
              url: str(attachment.url),
              data,
              size: data === undefined ? undefined : Buffer.from(data, 'base64').length,
            }
          : undefined,
      };
    }),
    provenances,
    activity: own?.activity,
    precedingMessageHeaderId: own?.precedingMessageHeaderId,
  };
}
