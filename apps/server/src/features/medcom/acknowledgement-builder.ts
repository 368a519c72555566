import type { FhirBundle, FhirResource } from '../../platform/fhir/fhir-json.ts';
import { bundleIndex, entriesOf, extensionValue, isBundle, list, obj, objects, referencedId, resolveIn, str } from '../../platform/fhir/fhir-json.ts';
import { AppError } from '../../platform/errors.ts';
import { checkGln, checkSor } from '@samkraft/contracts/identifiers';
import type { MedcomIssue } from './medcom-issue.ts';
import type { MedcomOrganisation, MedcomOrganisationInput } from './medcom-organisation.ts';
import { organisationInput, readOrganisation } from './medcom-organisation.ts';
import type { IdSource } from './medcom-resources.ts';
import { defaultFullUrlBase, entryOf, instant, messageBundle, organisationResource, primaryDestination, provenanceResource, refOf, uuids } from './medcom-resources.ts';
import { narrative, referenceText } from './medcom-narrative.ts';
import type { ResponseCode } from './medcom-terminology.ts';
import { issueDetailsSystem, medcomExtension, medcomProfile, medcomSystem, messageEvent, sorEndpoint, sorOfEndpoint } from './medcom-terminology.ts';

/*
 * The Acknowledgement (kvittering, IG 2.0.3) of a received message: ok, transient-error (our
 * problem; the sender may retry) or fatal-error (the message's problem; not to be resent
 * unchanged), with an OperationOutcome of MedCom's error codes when not ok. It quotes the
 * acknowledged MessageHeader.id in response.identifier, goes to the sender's source endpoint, and
 * carries a copy of the acknowledged message's latest Provenance plus its own.
 */

/** What an acknowledgement needs of the message it acknowledges; read from any message, valid or not. */
export type AcknowledgedMessage = {
  messageHeaderId: string;
  sender: MedcomOrganisation;
  /** MessageHeader.source.endpoint: where the acknowledgement goes. */
  senderEndpoint: string | undefined;
  /** The organisation the message was addressed to (its primary receiver). */
  receiver: MedcomOrganisation | undefined;
  /** The acknowledged message's latest Provenance (the one describing it), copied into the acknowledgement. */
  provenance: FhirResource | undefined;
};

/**
 * What to acknowledge and where to, from an incoming message however broken it is; undefined when
 * it cannot be acknowledged at all (no MessageHeader id, or no sender with SOR and GLN to answer).
 */
export function acknowledgedMessageOf(message: unknown): AcknowledgedMessage | undefined {
  if (!isBundle(message)) return undefined;
  const index = bundleIndex(message);
  const resources = entriesOf(message).map((e) => e.resource);
  const header = resources.find((r) => r.resourceType === 'MessageHeader');
  const messageHeaderId = str(header?.id);
  if (!header || !messageHeaderId) return undefined;
  const sender = readOrganisation(resolveIn(index, header.sender));
  if (!sender?.sor || !sender.gln) return undefined;
  const destinations = objects(header.destination);
  const primary = destinations.find((d) => obj(extensionValue(d, medcomExtension.destinationUse, 'valueCoding'))?.code === 'primary') ?? destinations[0];
  const provenances = resources.filter((r) => r.resourceType === 'Provenance');
  const describing = provenances.filter((p) => referencedId(list(p.target)[0], 'MessageHeader') === messageHeaderId);
  const latest = (candidates: FhirResource[]) => [...candidates].sort((a, b) => (str(b.occurredDateTime) ?? '').localeCompare(str(a.occurredDateTime) ?? ''))[0];
  return {
    messageHeaderId,
    sender,
    senderEndpoint: str(obj(header.source)?.endpoint),
    receiver: readOrganisation(resolveIn(index, primary?.receiver)),
    provenance: latest(describing) ?? latest(provenances),
  };
}

export type AcknowledgementInput = {
  code: ResponseCode;
  acknowledged: AcknowledgedMessage;
  /** The organisation acknowledging: the receiver the message was addressed to. */
  us: MedcomOrganisationInput;
  /** Required unless ok (then only information, e.g. about a duplicate). */
  issues?: readonly MedcomIssue[];
  sentAt: Date;
  ids?: IdSource;
  fullUrlBase?: string;
};

export type BuiltAcknowledgement = { bundle: FhirBundle; bundleId: string; messageHeaderId: string };

const outcomeSeverity = (issue: MedcomIssue) => issue.severity;

export function buildAcknowledgement(input: AcknowledgementInput): BuiltAcknowledgement {
  const issues = input.issues ?? [];
  const them = organisationInput(input.acknowledged.sender);
  const fields = [
    ...(checkSor(input.us.sor).ok ? [] : [{ field: 'us.sor', code: 'invalid' as const, message: 'must be a SOR code of 11 to 18 digits' }]),
    ...(checkGln(input.us.gln).ok ? [] : [{ field: 'us.gln', code: 'invalid' as const, message: 'must be a GLN of 13 digits with its check digit' }]),
    ...(them ? [] : [{ field: 'acknowledged.sender', code: 'invalid' as const, message: 'the acknowledged message has no sender with SOR and GLN' }]),
    ...(input.code !== 'ok' && issues.length === 0 ? [{ field: 'issues', code: 'invalid' as const, message: `a ${input.code} acknowledgement says what is wrong` }] : []),
  ];
  if (fields.length > 0 || !them) throw AppError.validation(fields);

  const ids = input.ids ?? uuids;
  const base = input.fullUrlBase ?? defaultFullUrlBase;
  const sentAt = instant(input.sentAt);
  const original = input.acknowledged;
  const us = organisationResource(ids(), input.us);
  // Their Organization keeps its id from the acknowledged message when it can, so the copied Provenance still points at it.
  const theirId = original.sender.resourceId && /^[A-Za-z0-9\-.]{1,64}$/.test(original.sender.resourceId) && original.sender.resourceId !== us.id ? original.sender.resourceId : ids();
  const theirs = organisationResource(theirId, them);

  let outcome: FhirResource | undefined;
  if (issues.length > 0) {
    const outcomeId = ids();
    outcome = {
      resourceType: 'OperationOutcome',
      id: outcomeId,
      meta: { profile: [medcomProfile.acknowledgementOperationOutcome] },
      text: narrative(
        'Fejl i beskeden (OperationOutcome)',
        outcomeId,
        issues.map((issue, i) => [`Fejl ${i + 1} (issue): ${issue.severity}, ${issue.type}, ${issue.code}`, `${issue.da} / ${issue.en} (${issue.expression})`]),
      ),
      issue: issues.map((issue) => ({
        severity: outcomeSeverity(issue),
        code: issue.type,
        details: { coding: [{ system: issueDetailsSystem(issue.code), code: issue.code }], text: `${issue.da} / ${issue.en}` },
        expression: [issue.expression],
      })),
    };
  }

  const messageHeaderId = ids();
  const endpoint = original.senderEndpoint && sorOfEndpoint(original.senderEndpoint) ? original.senderEndpoint : sorEndpoint(them.sor);
  const header: FhirResource = {
    resourceType: 'MessageHeader',
    id: messageHeaderId,
    meta: { profile: [medcomProfile.acknowledgementHeader] },
    text: narrative('Kvittering (MessageHeader)', messageHeaderId, [
      ['Hændelse (eventCoding)', `Kvittering (${messageEvent.acknowledgement})`],
      ['Modtager (destination:primary.receiver)', referenceText(refOf(theirs), `${them.name}, SOR ${them.sor}`)],
      ['Modtagers endpoint (destination.endpoint)', endpoint],
      ['Afsender (sender)', referenceText(refOf(us), `${input.us.name}, SOR ${input.us.sor}`)],
      ['Afsenders endpoint (source.endpoint)', sorEndpoint(input.us.sor)],
      ['Kvitterer for (response.identifier)', original.messageHeaderId],
      ['Svar (response.code)', input.code],
      ['Fejl (response.details)', outcome ? refOf(outcome) : undefined],
    ]),
    eventCoding: { system: medcomSystem.eventCodes, code: messageEvent.acknowledgement },
    destination: [primaryDestination(theirs, them.sor, endpoint)],
    sender: { reference: refOf(us) },
    source: { endpoint: sorEndpoint(input.us.sor) },
    response: { identifier: original.messageHeaderId, code: input.code, ...(outcome ? { details: { reference: refOf(outcome) } } : {}) },
  };

  const provenances: FhirResource[] = [];
  const copied = copiedProvenance(original.provenance, theirs);
  if (copied) provenances.push(copied);
  provenances.push(
    provenanceResource({
      id: ids(),
      profile: medcomProfile.messagingProvenance,
      messageHeaderId,
      occurred: sentAt,
      recorded: sentAt,
      activity: 'acknowledgement',
      agent: us,
      precedingMessageHeaderId: original.messageHeaderId,
    }),
  );

  const bundleId = ids();
  const resources = [header, ...(outcome ? [outcome] : []), ...provenances, us, theirs];
  return { bundle: messageBundle(bundleId, medcomProfile.acknowledgementMessage, sentAt, resources.map((r) => entryOf(base, r))), bundleId, messageHeaderId };
}

/**
 * The acknowledged message's Provenance, copied (governance rule medcom-carecommunication-22): its
 * id, target, times, activity and entities kept, its agent the acknowledged message's sender as
 * this Bundle holds it, its narrative written anew.
 */
function copiedProvenance(provenance: FhirResource | undefined, sender: FhirResource): FhirResource | undefined {
  if (!provenance?.id) return undefined;
  const messageHeaderId = referencedId(list(provenance.target)[0], 'MessageHeader');
  const occurred = str(provenance.occurredDateTime);
  const activity = str(obj(objects(obj(provenance.activity)?.coding)[0])?.code);
  if (!messageHeaderId || !occurred || !activity) return undefined;
  const entities = objects(provenance.entity);
  const revision = obj(entities.find((e) => e.role === 'revision')?.what);
  return provenanceResource({
    id: provenance.id,
    profile: provenance.meta?.profile?.[0] ?? medcomProfile.messagingProvenance,
    messageHeaderId,
    occurred,
    recorded: str(provenance.recorded),
    activity,
    agent: sender,
    precedingMessageHeaderId: referencedId(revision?.reference, 'MessageHeader'),
    precedingIdentifier: str(obj(revision?.identifier)?.value),
    payloadIdentifiers: entities.filter((e) => e.role === 'source').flatMap((e) => list(str(obj(obj(e.what)?.identifier)?.value))).filter((v): v is string => typeof v === 'string'),
  });
}
