import { list, obj, objects, str } from '../../platform/fhir/fhir-json.ts';
import type { Entry, MessageContext } from './medcom-message.rules.ts';
import {
  asBundle,
  at,
  bundled,
  checkDestinations,
  checkEnvelope,
  checkLocalReferences,
  checkNarratives,
  checkOrganisation,
  checkProvenance,
  checkSender,
  messageContext,
  ofType,
  report,
} from './medcom-message.rules.ts';
import type { MedcomIssue } from './medcom-issue.ts';
import { medcomIssue } from './medcom-issue.ts';
import type { MedcomInvariant } from './medcom-invariants.ts';
import { messagingInvariants, organisationInvariants } from './medcom-invariants.ts';
import { isIssueDetailsCode, medcomProfile, medcomSystem, messageEvent, responseCodes } from './medcom-terminology.ts';

/* The Acknowledgement 2.0.3 profile (MedComAcknowledgementMessage and its header and OperationOutcome) as code and invariants. */

export const acknowledgementInvariants: readonly MedcomInvariant[] = [
  ...messagingInvariants,
  {
    key: 'medcom-acknowledgement-1',
    expression:
      "iif(entry.resource.ofType(MessageHeader).response.code = 'ok', true, entry.resource.ofType(MessageHeader).response.code != 'ok' and entry.resource.ofType(OperationOutcome).exists())",
    human: "If the response.code is different than 'ok', a reference to an OperationOutcome resource shall be included.",
    severity: 'error',
    code: 'MSG_RESOURCE_REQUIRED',
    type: 'invariant',
    da: "en kvittering der ikke er 'ok' skal have en OperationOutcome",
  },
  {
    key: 'medcom-acknowledgement-2',
    expression: `entry.resource.ofType(MessageHeader).conformsTo('${medcomProfile.acknowledgementHeader}')`,
    human: 'The MessageHeader shall conform to medcom-messaging-acknowledgementHeader',
    severity: 'error',
    code: 'MSG_RESOURCE_TYPE_MISMATCH',
    type: 'invariant',
    da: 'MessageHeader skal angive profilen medcom-messaging-acknowledgementHeader',
  },
  ...organisationInvariants,
];

function checkResponse(ctx: MessageContext, header: Entry): void {
  const response = obj(header.resource.response);
  if (!response) {
    report(ctx, { key: 'cardinality:MessageHeader.response', expression: at(header, 'response'), da: 'kvitteringen mangler response', en: 'the acknowledgement has no response' });
    return;
  }
  if (str(response.identifier) === undefined) report(ctx, { key: 'cardinality:MessageHeader.response.identifier', expression: at(header, 'response.identifier'), da: 'kvitteringen angiver ikke hvilken besked den kvitterer for', en: 'the acknowledgement does not name the message it acknowledges' });
  if (!(responseCodes as readonly unknown[]).includes(response.code)) {
    report(ctx, { key: 'binding:MessageHeader.response.code', expression: at(header, 'response.code'), type: 'code-invalid', code: 'MSG_VALUESET_VALUE_UNKNOWN', da: 'svarkoden skal være ok, transient-error eller fatal-error', en: 'the response code is ok, transient-error or fatal-error' });
  }
  if (response.details !== undefined) bundled(ctx, response.details, ['OperationOutcome'], at(header, 'response.details'), 'cardinality:MessageHeader.response.details');
  else if (response.code !== 'ok') report(ctx, { key: 'cardinality:MessageHeader.response.details', expression: at(header, 'response.details'), da: 'en fejlkvittering skal henvise til sin OperationOutcome', en: 'an error acknowledgement references its OperationOutcome' });
}

function checkOutcome(ctx: MessageContext, outcome: Entry): void {
  objects(outcome.resource.issue).forEach((issue, i) => {
    const codings = objects(obj(issue.details)?.coding);
    codings.forEach((coding, j) => {
      const system = str(coding.system);
      const code = str(coding.code);
      if (isIssueDetailsCode(system, code)) return;
      const retired = system === medcomSystem.retiredIssueDetails;
      report(ctx, {
        key: 'binding:OperationOutcome.issue.details',
        expression: at(outcome, `issue[${i}].details.coding[${j}]`),
        type: 'code-invalid',
        code: 'MSG_VALUESET_VALUE_UNKNOWN',
        // The 2023 test acknowledgements use the retired code; accepted on the way in.
        severity: retired ? 'warning' : 'error',
        da: retired ? 'fejlkoden er udgået (medcom-acknowledgement-issue-details)' : 'fejlkoden er ikke i MedComs værdisæt for kvitteringer',
        en: retired ? 'the error code is retired (medcom-acknowledgement-issue-details)' : "the error code is not in MedCom's acknowledgement issue-details value set",
      });
    });
  });
}

/** The hand-written profile checks of an Acknowledgement (the invariants are run separately). */
export function checkAcknowledgementProfile(message: unknown): MedcomIssue[] {
  const bundle = asBundle(message);
  if (!bundle) return [medcomIssue('structure', 'MSG_RESOURCE_TYPE_MISMATCH', 'resourceType', 'Bundle', 'beskeden er ikke en FHIR Bundle', 'the message is not a FHIR Bundle')];
  const ctx = messageContext(bundle);
  const header = checkEnvelope(ctx, messageEvent.acknowledgement);
  const messaging = new Set<Entry>();
  let acknowledged: string | undefined;
  if (header) {
    const receiver = checkDestinations(ctx, header);
    const sender = checkSender(ctx, header);
    if (receiver) messaging.add(receiver);
    if (sender) messaging.add(sender);
    checkResponse(ctx, header);
    acknowledged = str(obj(header.resource.response)?.identifier);
  }
  for (const outcome of ofType(ctx, 'OperationOutcome')) checkOutcome(ctx, outcome);
  const headerRef = header ? `MessageHeader/${header.resource.id ?? ''}` : undefined;
  let own = 0;
  for (const entry of ofType(ctx, 'Provenance')) {
    // The acknowledgement's own Provenance (activity acknowledgement) and a copy of the acknowledged message's, whatever its activity.
    const activity = str(obj(objects(obj(entry.resource.activity)?.coding)[0])?.code);
    const { agent } = checkProvenance(ctx, entry, activity === undefined ? ['acknowledgement'] : [activity]);
    if (agent) messaging.add(agent);
    const target = str(obj(list(entry.resource.target)[0])?.reference);
    if (activity === 'acknowledgement' && headerRef && target !== undefined && (target === headerRef || target.endsWith(`/${headerRef}`))) {
      own += 1;
      const revision = objects(entry.resource.entity).find((e) => e.role === 'revision');
      const what = str(obj(revision?.what)?.reference);
      if (acknowledged !== undefined && what !== undefined && !what.endsWith(`MessageHeader/${acknowledged}`)) {
        // A warning: MedCom's own test acknowledgements (AA_A, AR_B) quote another message here.
        report(ctx, { key: 'acknowledgement:Provenance.entity', expression: at(entry, 'entity'), type: 'invariant', code: 'MSG_RESOURCE_ID_MISMATCH', severity: 'warning', da: 'kvitteringens Provenance skal pege på den kvitterede besked', en: "the acknowledgement's Provenance points at the acknowledged message" });
      }
    }
  }
  if (header && own !== 1) report(ctx, { key: 'cardinality:Provenance:acknowledgement', expression: 'Bundle.entry.resource.ofType(Provenance)', da: 'præcis én Provenance med aktiviteten acknowledgement skal beskrive kvitteringen', en: 'exactly one Provenance with activity acknowledgement describes the acknowledgement' });
  for (const organisation of ofType(ctx, 'Organization')) checkOrganisation(ctx, organisation, messaging.has(organisation));
  checkNarratives(ctx);
  checkLocalReferences(ctx);
  return ctx.issues;
}
