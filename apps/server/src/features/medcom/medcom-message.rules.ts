import type { FhirResource, JsonObject } from '../../platform/fhir/fhir-json.ts';
import { bundleIndex, entriesOf, isBundle, isObject, list, obj, objects, resolveIn, str } from '../../platform/fhir/fhir-json.ts';
import { isGlnSystem, identifierSystem } from '@samkraft/contracts/identifiers';
import type { IssueDetailsCode } from './medcom-terminology.ts';
import { medcomExtension, medcomSystem, sorOfEndpoint } from './medcom-terminology.ts';
import type { IssueType, MedcomIssue } from './medcom-issue.ts';
import { medcomIssue } from './medcom-issue.ts';
import { organisationIdentifierProblem } from './medcom-identifiers.ts';

/*
 * The rules every MedCom message shares (MedComMessagingMessage and its MessageHeader, Organization
 * and Provenance, the governance narrative rule), as hand-written checks: the cardinalities, fixed
 * values and slices that FHIRPath invariants do not express. Each check adds issues naming the
 * element by FHIRPath and the rule by key.
 */

export type Entry = { index: number; fullUrl: string | undefined; resource: FhirResource };

export type MessageContext = {
  bundle: JsonObject;
  entries: Entry[];
  index: Map<string, FhirResource>;
  issues: MedcomIssue[];
};

export function messageContext(bundle: JsonObject): MessageContext {
  return { bundle, entries: entriesOf(bundle), index: bundleIndex(bundle), issues: [] };
}

/** FHIRPath to an element of an entry's resource: `Bundle.entry[2].resource.ofType(Communication).category`. */
export const at = (entry: Entry, path = '') => `Bundle.entry[${entry.index}].resource.ofType(${entry.resource.resourceType})${path ? `.${path}` : ''}`;

export type Problem = { key: string; expression: string; da: string; en: string; code?: IssueDetailsCode; type?: IssueType; severity?: MedcomIssue['severity'] };

/** Adds an issue (a required element missing unless code and type say otherwise). */
export function report(ctx: MessageContext, problem: Problem): void {
  ctx.issues.push(medcomIssue(problem.type ?? 'required', problem.code ?? 'MSG_RESOURCE_REQUIRED', problem.key, problem.expression, problem.da, problem.en, problem.severity));
}

export const ofType = (ctx: MessageContext, type: string) => ctx.entries.filter((e) => e.resource.resourceType === type);

/** The entry a reference points at inside the Bundle. */
export function entryOf(ctx: MessageContext, reference: unknown): Entry | undefined {
  const resource = resolveIn(ctx.index, reference);
  return resource ? ctx.entries.find((e) => e.resource === resource) : undefined;
}

/**
 * A reference that must point at a resource of one of `types` in the Bundle (aggregation
 * "bundled"); reports it missing or unresolved. Returns the entry.
 */
export function bundled(ctx: MessageContext, reference: unknown, types: readonly string[], expression: string, key: string, required = true): Entry | undefined {
  const ref = str(obj(reference)?.reference);
  if (ref === undefined) {
    if (required) report(ctx, { key, expression, da: `${expression} mangler`, en: `${expression} is missing` });
    return undefined;
  }
  const entry = entryOf(ctx, reference);
  if (!entry) {
    report(ctx, { key, expression: `${expression}.reference`, type: 'not-found', code: 'MSG_LOCAL_FAIL', da: `referencen peger ikke på en ressource i beskeden`, en: `the reference does not resolve to a resource in the message` });
    return undefined;
  }
  if (!types.includes(entry.resource.resourceType)) {
    report(ctx, { key, expression: `${expression}.reference`, type: 'structure', code: 'MSG_RESOURCE_TYPE_MISMATCH', da: `referencen skal pege på ${types.join(' eller ')}`, en: `the reference must point at ${types.join(' or ')}` });
    return undefined;
  }
  return entry;
}

/** A coding's system and code must be `system` and one of `codes`. */
export function checkCoding(ctx: MessageContext, coding: unknown, system: string, codes: readonly string[], expression: string, key: string): void {
  const c = obj(coding);
  if (!c || str(c.code) === undefined) {
    report(ctx, { key, expression: `${expression}.code`, code: 'MSG_VALUESET_VALUE_UNKNOWN', da: `${expression}.code mangler`, en: `${expression}.code is missing` });
    return;
  }
  if (c.system !== system) {
    report(ctx, { key, expression: `${expression}.system`, type: 'code-invalid', code: 'MSG_CodeSystem_VALUE_UNKNOWN', da: `kodesystemet skal være ${system}`, en: `the code system must be ${system}` });
    return;
  }
  if (!codes.includes(String(c.code))) {
    report(ctx, { key, expression: `${expression}.code`, type: 'code-invalid', code: 'MSG_VALUESET_VALUE_UNKNOWN', da: `koden er ikke en af ${codes.join(', ')}`, en: `the code is not one of ${codes.join(', ')}` });
  }
}

/** Bundle.type message, id, timestamp, and entry[0] the MessageHeader (checked by kind before routing; here for messages built or sent on). */
export function checkEnvelope(ctx: MessageContext, event: string): Entry | undefined {
  const { bundle } = ctx;
  if (str(bundle.id) === undefined) report(ctx, { key: 'cardinality:Bundle.id', expression: 'Bundle.id', code: 'MSG_RESOURCE_ID_MISSING', da: 'Bundle.id mangler', en: 'Bundle.id is missing' });
  if (bundle.type !== 'message') report(ctx, { key: 'fixed:Bundle.type', expression: 'Bundle.type', type: 'value', code: 'MSG_BAD_FORMAT', da: 'Bundle.type skal være "message"', en: 'Bundle.type must be "message"' });
  if (str(bundle.timestamp) === undefined) report(ctx, { key: 'cardinality:Bundle.timestamp', expression: 'Bundle.timestamp', da: 'Bundle.timestamp mangler', en: 'Bundle.timestamp is missing' });
  list(bundle.entry).forEach((entry, i) => {
    if (!isObject(entry) || !isObject(entry.resource)) report(ctx, { key: 'cardinality:Bundle.entry.resource', expression: `Bundle.entry[${i}].resource`, da: 'entry uden ressource', en: 'an entry without a resource' });
  });
  const seen = new Map<string, number>();
  for (const entry of ctx.entries) {
    const id = `${entry.resource.resourceType}/${entry.resource.id ?? ''}`;
    if (entry.resource.id === undefined) report(ctx, { key: 'cardinality:Resource.id', expression: at(entry, 'id'), code: 'MSG_RESOURCE_ID_MISSING', da: 'ressourcen mangler id', en: 'the resource has no id' });
    else if (seen.has(id)) report(ctx, { key: 'unique:Resource.id', expression: at(entry, 'id'), type: 'duplicate', code: 'MSG_DUPLICATE_ID', da: `${id} findes to gange i beskeden`, en: `${id} occurs twice in the message` });
    seen.set(id, entry.index);
  }
  const headers = ofType(ctx, 'MessageHeader');
  const header = headers[0];
  if (!header || header.index !== 0) {
    report(ctx, { key: 'bdl-12', expression: 'Bundle.entry[0].resource', type: 'structure', code: 'MSG_RESOURCE_TYPE_MISMATCH', da: 'beskedens første ressource skal være MessageHeader', en: 'the first resource of a message must be its MessageHeader' });
    return undefined;
  }
  if (headers.length > 1) report(ctx, { key: 'cardinality:MessageHeader', expression: at(headers[1] ?? header), type: 'structure', code: 'MSG_RESOURCE_NOT_ALLOWED', da: 'beskeden må kun have én MessageHeader', en: 'a message has one MessageHeader' });
  const eventCoding = obj(header.resource.eventCoding);
  if (eventCoding?.system !== medcomSystem.eventCodes || eventCoding.code !== event) {
    report(ctx, {
      key: 'fixed:MessageHeader.eventCoding',
      expression: at(header, 'eventCoding'),
      type: 'not-supported',
      code: 'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE',
      da: `hændelsen skal være ${event}`,
      en: `the event must be ${event}`,
    });
  }
  return header;
}

/**
 * MessageHeader.destination: sliced by the destination-use extension (closed), `primary` 1..1,
 * `cc` 0..0 in the messages Samkraft handles; each with its receiver Organization in the Bundle.
 */
export function checkDestinations(ctx: MessageContext, header: Entry): Entry | undefined {
  const destinations = objects(header.resource.destination);
  let primary: Entry | undefined;
  let primaries = 0;
  destinations.forEach((destination, i) => {
    const expression = at(header, `destination[${i}]`);
    const use = objects(destination.extension).find((e) => e.url === medcomExtension.destinationUse);
    const coding = obj(use?.valueCoding);
    if (!use) {
      report(ctx, { key: 'slice:MessageHeader.destination', expression: `${expression}.extension`, da: 'destinationen mangler udvidelsen destinationUse (primary/cc)', en: 'the destination has no destinationUse extension (primary/cc)' });
      return;
    }
    checkCoding(ctx, coding, medcomSystem.destinationUse, ['primary', 'cc'], `${expression}.extension('${medcomExtension.destinationUse}').value`, 'slice:MessageHeader.destination');
    if (coding?.code === 'cc') {
      report(ctx, { key: 'cardinality:MessageHeader.destination:cc', expression, type: 'structure', code: 'MSG_RESOURCE_NOT_ALLOWED', da: 'beskeden må ikke have cc-modtagere', en: 'the message may not have cc receivers' });
      return;
    }
    if (coding?.code !== 'primary') return;
    primaries += 1;
    const receiver = obj(destination.receiver);
    if (str(receiver?.reference) === undefined) {
      report(ctx, { key: 'cardinality:MessageHeader.destination.receiver', expression: `${expression}.receiver`, code: 'MSG_Receiver_Identifier_MISSING', da: 'modtageren mangler', en: 'the receiver is missing' });
      return;
    }
    primary = bundled(ctx, receiver, ['Organization'], `${expression}.receiver`, 'cardinality:MessageHeader.destination.receiver');
  });
  if (primaries !== 1) {
    report(ctx, {
      key: 'cardinality:MessageHeader.destination:primary',
      expression: at(header, 'destination'),
      code: 'MSG_Receiver_Identifier_MISSING',
      da: 'beskeden skal have præcis én primær modtager',
      en: 'the message must have exactly one primary receiver',
    });
  }
  return primary;
}

/** MessageHeader.sender 1..1 and source.endpoint (where the acknowledgement goes). */
export function checkSender(ctx: MessageContext, header: Entry): Entry | undefined {
  const sender = bundled(ctx, header.resource.sender, ['Organization'], at(header, 'sender'), 'cardinality:MessageHeader.sender');
  const endpoint = str(obj(header.resource.source)?.endpoint);
  if (endpoint === undefined) report(ctx, { key: 'cardinality:MessageHeader.source.endpoint', expression: at(header, 'source.endpoint'), da: 'afsenderens endpoint mangler', en: 'the source endpoint is missing' });
  else if (sorOfEndpoint(endpoint) === undefined) {
    report(ctx, { key: 'format:MessageHeader.source.endpoint', expression: at(header, 'source.endpoint'), type: 'value', code: 'MSG_BAD_FORMAT', severity: 'warning', da: 'endpoint er ikke en SOR-adresse', en: 'the endpoint is not a SOR address' });
  }
  return sender;
}

/**
 * An Organization: any SOR or GLN identifier well-formed (DK-core min-digits-sor, gln-length,
 * gln-modulus-10), a SOR (or KOMBIT/other mandatory) identifier; a messaging organisation (sender,
 * receiver, Provenance agent) has SOR 1..1 and GLN 1..1 (MedComMessagingOrganization).
 */
export function checkOrganisation(ctx: MessageContext, entry: Entry, messaging: boolean): void {
  const identifiers = objects(entry.resource.identifier);
  identifiers.forEach((identifier, i) => {
    const value = str(identifier.value);
    const system = str(identifier.system);
    if (value === undefined) return;
    const problem = organisationIdentifierProblem(system, value);
    if (problem) {
      report(ctx, {
        key: problem,
        expression: at(entry, `identifier[${i}].value`),
        type: 'value',
        code: 'MSG_BAD_FORMAT',
        da: problem === 'min-digits-sor' ? 'SOR-id skal have mindst 11 cifre' : problem === 'gln-length' ? 'GLN skal have 13 cifre' : 'GLN har forkert kontrolciffer',
        en: problem === 'min-digits-sor' ? 'a SOR id has at least 11 digits' : problem === 'gln-length' ? 'a GLN has 13 digits' : 'the GLN check digit is wrong',
      });
    }
    if (identifier.use !== undefined && identifier.use !== 'official' && (system === identifierSystem.sor || isGlnSystem(system))) {
      report(ctx, { key: 'fixed:Organization.identifier.use', expression: at(entry, `identifier[${i}].use`), type: 'value', code: 'MSG_BAD_FORMAT', da: 'identifikatorens use skal være official', en: 'the identifier use must be official' });
    }
  });
  const sors = identifiers.filter((i) => i.system === identifierSystem.sor);
  const glns = identifiers.filter((i) => isGlnSystem(str(i.system)));
  const mandatory = identifiers.some((i) => i.system === identifierSystem.sor || i.system === 'https://kombit.dk/sts/organisation' || i.system === 'urn:oid:2.16.840.1.113883.2.24.1.1');
  if (!mandatory) {
    report(ctx, { key: 'dk-core-organization-mandatory-identifier', expression: at(entry, 'identifier'), da: 'organisationen skal have et SOR-id', en: 'the organisation must have a SOR id' });
  }
  if (!messaging) return;
  if (sors.length !== 1) report(ctx, { key: 'cardinality:Organization.identifier:SOR-ID', expression: at(entry, 'identifier'), da: 'organisationen skal have præcis ét SOR-id', en: 'the organisation must have exactly one SOR id' });
  if (glns.length !== 1) report(ctx, { key: 'cardinality:Organization.identifier:EAN-ID', expression: at(entry, 'identifier'), da: 'organisationen skal have præcis ét GLN (EAN-lokationsnummer)', en: 'the organisation must have exactly one GLN (EAN location number)' });
}

/** Governance: every resource but the Bundle has a narrative (status generated or extensions); its XHTML is checked by the base pass. */
export function checkNarratives(ctx: MessageContext): void {
  for (const entry of ctx.entries) {
    const text = obj(entry.resource.text);
    if (!text || str(text.div) === undefined) report(ctx, { key: 'narrative', expression: at(entry, 'text'), da: 'ressourcen mangler narrativ tekst', en: 'the resource has no narrative' });
    else if (text.status !== 'generated' && text.status !== 'extensions') {
      report(ctx, { key: 'narrative', expression: at(entry, 'text.status'), type: 'value', code: 'MSG_BAD_FORMAT', da: 'narrativens status skal være generated eller extensions', en: 'the narrative status must be generated or extensions' });
    }
  }
}

/**
 * Every reference inside the message resolves to one of its entries, but those that name earlier
 * messages (Provenance.target and Provenance.entity.what of the history a message carries, and an
 * OperationOutcome's).
 */
export function checkLocalReferences(ctx: MessageContext, history?: (entry: Entry) => boolean): void {
  for (const entry of ctx.entries) {
    // A Provenance of an earlier message may name that message's sender, which this one does not carry.
    if (history?.(entry)) continue;
    const walk = (value: unknown, path: string, inHistory: boolean) => {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`, inHistory));
      else if (isObject(value)) {
        const ref = str(value.reference);
        if (ref !== undefined && !inHistory && !ref.startsWith('#') && resolveIn(ctx.index, ref) === undefined) {
          report(ctx, { key: 'reference', expression: `${at(entry, path)}.reference`, type: 'not-found', code: 'MSG_LOCAL_FAIL', da: 'referencen peger ikke på en ressource i beskeden', en: 'the reference does not resolve to a resource in the message' });
        }
        for (const [name, child] of Object.entries(value)) {
          const history = inHistory || (entry.resource.resourceType === 'Provenance' && (name === 'target' || name === 'entity'));
          if (typeof child === 'object') walk(child, path ? `${path}.${name}` : name, history);
        }
      }
    };
    walk(entry.resource, '', false);
  }
}

/**
 * MedComMessagingProvenance: target 1..1, occurredDateTime 1..1, activity from MedCom's codes,
 * agent.who a messaging Organization — in the Bundle, unless the Provenance is an earlier
 * message's (`history`), whose sender this message need not carry.
 */
export function checkProvenance(ctx: MessageContext, entry: Entry, activities: readonly string[], history = false): { agent: Entry | undefined } {
  const p = entry.resource;
  if (list(p.target).length !== 1) report(ctx, { key: 'cardinality:Provenance.target', expression: at(entry, 'target'), da: 'Provenance skal have præcis ét target', en: 'a Provenance has exactly one target' });
  if (str(p.occurredDateTime) === undefined) report(ctx, { key: 'cardinality:Provenance.occurredDateTime', expression: at(entry, 'occurredDateTime'), da: 'tidspunktet (occurredDateTime) mangler', en: 'occurredDateTime is missing' });
  const codings = objects(obj(p.activity)?.coding);
  if (codings.length !== 1) report(ctx, { key: 'cardinality:Provenance.activity.coding', expression: at(entry, 'activity.coding'), code: 'MSG_VALUESET_VALUE_UNKNOWN', da: 'aktiviteten skal have præcis én kode', en: 'the activity has exactly one coding' });
  else checkCoding(ctx, codings[0], medcomSystem.activityCodes, activities, at(entry, 'activity.coding[0]'), 'binding:Provenance.activity');
  const agents = objects(p.agent);
  if (agents.length === 0) report(ctx, { key: 'cardinality:Provenance.agent', expression: at(entry, 'agent'), da: 'Provenance mangler agent', en: 'the Provenance has no agent' });
  if (history) {
    if (agents[0] && str(obj(agents[0].who)?.reference) === undefined) report(ctx, { key: 'cardinality:Provenance.agent.who', expression: at(entry, 'agent[0].who'), da: 'agent.who mangler', en: 'agent.who is missing' });
    return { agent: entryOf(ctx, agents[0]?.who) };
  }
  const agent = agents[0] ? bundled(ctx, agents[0].who, ['Organization'], at(entry, 'agent[0].who'), 'cardinality:Provenance.agent.who') : undefined;
  return { agent };
}

export const asBundle = (value: unknown): JsonObject | undefined => (isBundle(value) ? value : undefined);

/**
 * The start of every message's profile check: the envelope for `event`, and the receiver and
 * sender (the messaging Organizations found so far). Undefined when the message is no Bundle.
 */
export function checkMessageStart(message: unknown, event: string): { ctx: MessageContext; header: Entry | undefined; messaging: Set<Entry> } | undefined {
  const bundle = asBundle(message);
  if (!bundle) return undefined;
  const ctx = messageContext(bundle);
  const header = checkEnvelope(ctx, event);
  const messaging = new Set<Entry>();
  if (header) {
    for (const party of [checkDestinations(ctx, header), checkSender(ctx, header)]) if (party) messaging.add(party);
  }
  return { ctx, header, messaging };
}

export const notABundle = (): MedcomIssue => medcomIssue('structure', 'MSG_RESOURCE_TYPE_MISMATCH', 'resourceType', 'Bundle', 'beskeden er ikke en FHIR Bundle', 'the message is not a FHIR Bundle');
