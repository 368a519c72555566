import { AppError } from '../../platform/errors.ts';
import type { FhirResource } from '../../platform/fhir/fhir-json.ts';
import { bundleIndex, entriesOf, extensionValue, isBundle, list, obj, objects, referencedId, resolveIn, str } from '../../platform/fhir/fhir-json.ts';
import type { MedcomOrganisation } from './medcom-organisation.ts';
import { readOrganisation } from './medcom-organisation.ts';
import { medcomExtension } from './medcom-terminology.ts';
import type { PatientIdentifierKind } from './medcom-identifiers.ts';
import { patientIdentifierKind } from './medcom-identifiers.ts';

/*
 * The parts every MedCom message reader shares: the Patient (MedComCorePatient) and the
 * Provenances (MedComMessagingProvenance) with the message each names as its predecessor.
 */

export type PatientIdentifier = { kind: PatientIdentifierKind | 'other'; system: string | undefined; value: string };

export type MessagePatient = {
  resourceId: string | undefined;
  identifiers: PatientIdentifier[];
  /** The CPR number, when the message has one. */
  cpr: string | undefined;
  /** A replacement CPR (X-eCPR, else D-eCPR) when the message has one. */
  replacementCpr: { kind: 'x-ecpr' | 'd-ecpr'; system: string; value: string } | undefined;
  given: string[];
  family: string | undefined;
  /** The official family name is marked absent (data-absent-reason) rather than given. */
  familyAbsent: boolean;
};

export type MessageProvenance = {
  resourceId: string | undefined;
  /** The MessageHeader id of the message the activity was (the last part of `target`). */
  messageHeaderId: string | undefined;
  activity: string | undefined;
  occurred: string | undefined;
  recorded: string | undefined;
  agent: MedcomOrganisation | undefined;
  /** How the preceding message is named: revised (a reply, a correction, a later event) or removed (a cancellation). */
  precedingRole: 'revision' | 'removal' | undefined;
  /** The preceding message: a MessageHeader id (FHIR) or an EDIFACT/OIOXML `lokationsnummer#brevid`. */
  precedingMessageHeaderId: string | undefined;
  precedingIdentifier: string | undefined;
  /** The payloads this activity added. */
  payloadIdentifiers: string[];
};

export function readPatient(resource: FhirResource | undefined): MessagePatient | undefined {
  if (!resource) return undefined;
  const identifiers = objects(resource.identifier).flatMap((i): PatientIdentifier[] => {
    const value = str(i.value);
    const system = str(i.system);
    return value === undefined ? [] : [{ kind: patientIdentifierKind(system) ?? 'other', system, value }];
  });
  const replacement = identifiers.find((i) => i.kind === 'x-ecpr') ?? identifiers.find((i) => i.kind === 'd-ecpr');
  const names = objects(resource.name);
  const name = names.find((n) => n.use === 'official') ?? names[0];
  return {
    resourceId: resource.id,
    identifiers,
    cpr: identifiers.find((i) => i.kind === 'cpr')?.value,
    replacementCpr: replacement && replacement.system ? { kind: replacement.kind as 'x-ecpr' | 'd-ecpr', system: replacement.system, value: replacement.value } : undefined,
    given: list(name?.given).filter((g): g is string => typeof g === 'string'),
    family: str(name?.family),
    familyAbsent: str(name?.family) === undefined && obj(name?._family) !== undefined,
  };
}

/** The message's Provenances, each with the preceding message its revision or removal entity names. */
export function readProvenances(entries: readonly FhirResource[], organisation: (reference: unknown) => MedcomOrganisation | undefined): MessageProvenance[] {
  return entries
    .filter((r) => r.resourceType === 'Provenance')
    .map((p): MessageProvenance => {
      const entities = objects(p.entity);
      const preceding = entities.find((e) => e.role === 'revision' || e.role === 'removal');
      const what = obj(preceding?.what);
      return {
        resourceId: p.id,
        messageHeaderId: referencedId(list(p.target)[0], 'MessageHeader'),
        activity: str(obj(objects(obj(p.activity)?.coding)[0])?.code),
        occurred: str(p.occurredDateTime),
        recorded: str(p.recorded),
        agent: organisation(obj(objects(p.agent)[0])?.who),
        precedingRole: preceding?.role === 'removal' ? 'removal' : preceding ? 'revision' : undefined,
        precedingMessageHeaderId: referencedId(what?.reference, 'MessageHeader'),
        precedingIdentifier: str(obj(what?.identifier)?.value),
        payloadIdentifiers: entities.filter((e) => e.role === 'source').flatMap((e) => list(str(obj(obj(e.what)?.identifier)?.value))).filter((v): v is string => typeof v === 'string'),
      };
    });
}

export type MessageParts = {
  bundle: FhirResource;
  entries: FhirResource[];
  header: FhirResource;
  /** The primary destination (else the first). */
  destination: Record<string, unknown> | undefined;
  resolve: (reference: unknown) => FhirResource | undefined;
  organisation: (reference: unknown) => MedcomOrganisation | undefined;
};

/** A message's resources, its MessageHeader and primary destination, and references resolved inside it; refuses one that is no Bundle with a MessageHeader. */
export function messageParts(message: unknown): MessageParts {
  if (!isBundle(message)) throw AppError.validation([{ field: 'Bundle', code: 'invalid', message: 'the message is not a FHIR Bundle' }]);
  const index = bundleIndex(message);
  const resolve = (reference: unknown) => resolveIn(index, reference);
  const entries = entriesOf(message).map((e) => e.resource);
  const header = entries.find((r) => r.resourceType === 'MessageHeader');
  if (!header) throw AppError.validation([{ field: 'Bundle.entry', code: 'invalid', message: 'the message has no MessageHeader' }]);
  const destinations = objects(header.destination);
  const destination = destinations.find((d) => obj(extensionValue(d, medcomExtension.destinationUse, 'valueCoding'))?.code === 'primary') ?? destinations[0];
  return { bundle: message, entries, header, destination, resolve, organisation: (reference) => readOrganisation(resolve(reference)) };
}
