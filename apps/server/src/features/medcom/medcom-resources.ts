import { randomUUID } from 'node:crypto';
import type { FhirBundle, FhirBundleEntry, FhirResource } from '../../platform/fhir/fhir-json.ts';
import { identifierSystem } from '@samkraft/contracts/identifiers';
import type { MedcomOrganisationInput } from './medcom-organisation.ts';
import type { PractitionerRoleCode } from './carecommunication-reader.ts';
import { narrative, referenceText, timeText } from './medcom-narrative.ts';
import { medcomExtension, medcomProfile, medcomSystem, sorEndpoint } from './medcom-terminology.ts';

/*
 * The resources MedCom messages share, as Samkraft writes them (with their narratives): the
 * organisations with SOR and GLN, practitioners and their roles, care teams, Provenance, and the
 * Bundle's entries with absolute fullUrls. CareCommunication 5.0.x pins DK-core 3.4.0, so a GLN
 * is written with the system https://www.gs1.org/gln.
 */

/** The base of the absolute fullUrls Samkraft writes (`<base>/<Type>/<id>`); relative references resolve against it. */
export const defaultFullUrlBase = 'https://samkraft.dk/fhir';

/** Where a builder gets new ids (UUIDs; a test passes a counter). */
export type IdSource = () => string;
export const uuids: IdSource = () => randomUUID();

export const refOf = (resource: FhirResource) => `${resource.resourceType}/${resource.id ?? ''}`;

/** An instant as MedCom messages write it: seconds, UTC (`2024-05-01T08:00:00Z`). */
export const instant = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const entryOf = (base: string, resource: FhirResource): FhirBundleEntry => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id ?? ''}`, resource });

export function organisationResource(id: string, organisation: MedcomOrganisationInput): FhirResource {
  const name = organisation.name.trim() === '' ? undefined : organisation.name;
  return {
    resourceType: 'Organization',
    id,
    meta: { profile: [medcomProfile.messagingOrganization] },
    text: narrative('Organisation (Organization)', id, [
      ['Navn (name)', name],
      ['SOR-id (identifier:SOR-ID)', organisation.sor],
      ['EAN-lokationsnummer (identifier:EAN-ID)', organisation.gln],
    ]),
    identifier: [
      { use: 'official', system: identifierSystem.sor, value: organisation.sor },
      { use: 'official', system: identifierSystem.glnBefore350, value: organisation.gln },
    ],
    ...(name ? { name } : {}),
  };
}

export const roleText = (role: PractitionerRoleCode | undefined) => (role === undefined ? undefined : 'code' in role ? role.code : role.text);

export type PersonInput = { given: string[]; family: string | undefined; role: PractitionerRoleCode | undefined };

/** A Practitioner with its name and the PractitionerRole that references it (medcom-careCommunication-4/7/8/13). */
export function practitionerResources(ids: IdSource, person: PersonInput, organisation: FhirResource | undefined): { practitioner: FhirResource; role: FhirResource } {
  const practitionerId = ids();
  const roleId = ids();
  const fullName = [...person.given, person.family ?? ''].join(' ').trim();
  const practitioner: FhirResource = {
    resourceType: 'Practitioner',
    id: practitionerId,
    meta: { profile: [medcomProfile.corePractitioner] },
    text: narrative('Sundhedsperson (Practitioner)', practitionerId, [['Navn (name)', fullName]]),
    name: [{ ...(person.family ? { family: person.family } : {}), ...(person.given.length > 0 ? { given: person.given } : {}) }],
  };
  const code = person.role === undefined ? undefined : 'code' in person.role ? { coding: [{ system: person.role.system ?? medcomSystem.practitionerRoles, code: person.role.code }] } : { text: person.role.text };
  const role: FhirResource = {
    resourceType: 'PractitionerRole',
    id: roleId,
    meta: { profile: [medcomProfile.corePractitionerRole] },
    text: narrative('Rolle (PractitionerRole)', roleId, [
      ['Sundhedsperson (practitioner)', referenceText(refOf(practitioner), fullName)],
      ['Rolle (code)', roleText(person.role)],
      ['Organisation (organization)', organisation ? referenceText(refOf(organisation), typeof organisation.name === 'string' ? organisation.name : undefined) : undefined],
    ]),
    practitioner: { reference: refOf(practitioner) },
    ...(organisation ? { organization: { reference: refOf(organisation) } } : {}),
    ...(code ? { code: [code] } : {}),
  };
  return { practitioner, role };
}

export function careTeamResource(id: string, name: string, organisation: FhirResource): FhirResource {
  return {
    resourceType: 'CareTeam',
    id,
    meta: { profile: [medcomProfile.coreCareTeam] },
    text: narrative('Team (CareTeam)', id, [
      ['Navn (name)', name],
      ['Organisation (managingOrganization)', referenceText(refOf(organisation), typeof organisation.name === 'string' ? organisation.name : undefined)],
    ]),
    name,
    managingOrganization: [{ reference: refOf(organisation) }],
  };
}

export type ProvenanceInput = {
  id: string;
  profile: string;
  /** The MessageHeader (id) the activity was. */
  messageHeaderId: string;
  occurred: string;
  recorded: string | undefined;
  activity: string;
  agent: FhirResource;
  precedingMessageHeaderId?: string | undefined;
  precedingIdentifier?: string | undefined;
  payloadIdentifiers?: readonly string[];
};

export const activityText: Record<string, string> = {
  'new-message': 'Ny besked (new-message)',
  'reply-message': 'Svar (reply-message)',
  'forward-message': 'Videresendt (forward-message)',
  acknowledgement: 'Kvittering (acknowledgement)',
};

export function provenanceResource(p: ProvenanceInput): FhirResource {
  const preceding = p.precedingMessageHeaderId ? { reference: `MessageHeader/${p.precedingMessageHeaderId}` } : p.precedingIdentifier ? { identifier: { value: p.precedingIdentifier } } : undefined;
  const entity = [
    ...(preceding ? [{ role: 'revision', what: preceding }] : []),
    ...(p.payloadIdentifiers ?? []).map((value) => ({ role: 'source', what: { identifier: { value } } })),
  ];
  return {
    resourceType: 'Provenance',
    id: p.id,
    meta: { profile: [p.profile] },
    text: narrative('Hændelse (Provenance)', p.id, [
      ['Besked (target)', `MessageHeader/${p.messageHeaderId}`],
      ['Tidspunkt (occurredDateTime)', timeText(p.occurred)],
      ['Registreret (recorded)', timeText(p.recorded)],
      ['Aktivitet (activity)', activityText[p.activity] ?? p.activity],
      ['Udført af (agent.who)', referenceText(refOf(p.agent), typeof p.agent.name === 'string' ? p.agent.name : undefined)],
      ['Forrige besked (entity:revision)', preceding ? (preceding.reference ?? preceding.identifier?.value) : undefined],
      ['Afsnit (entity:source)', (p.payloadIdentifiers ?? []).join(', ')],
    ]),
    target: [{ reference: `MessageHeader/${p.messageHeaderId}` }],
    occurredDateTime: p.occurred,
    ...(p.recorded ? { recorded: p.recorded } : {}),
    activity: { coding: [{ system: medcomSystem.activityCodes, code: p.activity }] },
    agent: [{ who: { reference: refOf(p.agent) } }],
    ...(entity.length > 0 ? { entity } : {}),
  };
}

/** MessageHeader.destination[primary] to an organisation, with its SOR endpoint. */
export function primaryDestination(receiver: FhirResource, sor: string, endpoint?: string) {
  return {
    extension: [{ url: medcomExtension.destinationUse, valueCoding: { system: medcomSystem.destinationUse, code: 'primary' } }],
    endpoint: endpoint ?? sorEndpoint(sor),
    receiver: { reference: refOf(receiver) },
  };
}

/** A message Bundle of entries (the MessageHeader first). */
export function messageBundle(id: string, profile: string, timestamp: string, entries: FhirBundleEntry[]): FhirBundle {
  return { resourceType: 'Bundle', id, meta: { profile: [profile] }, type: 'message', timestamp, entry: entries };
}

/**
 * The same message sent again (MedCom reliable messaging): a new Bundle.id (the envelope id) and a
 * new Bundle.timestamp (the sent time), everything else — MessageHeader.id, payloads, Provenance —
 * identical. For acknowledgements re-sent to a duplicate too.
 */
export function resendMessage(bundle: FhirBundle, options: { sentAt: Date; bundleId?: string }): FhirBundle {
  const copy = structuredClone(bundle);
  return { ...copy, id: options.bundleId ?? randomUUID(), timestamp: instant(options.sentAt) };
}
