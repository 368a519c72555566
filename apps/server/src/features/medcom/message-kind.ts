import { entriesOf, isBundle, isObject, obj, str } from '../../platform/fhir/fhir-json.ts';
import type { MedcomIssue } from './medcom-issue.ts';
import { medcomIssue } from './medcom-issue.ts';
import { medcomSystem, messageEvent } from './medcom-terminology.ts';

/*
 * Which MedCom message a parsed JSON document is, by its MessageHeader.eventCoding, so the
 * messaging module can route it before validating it as that kind. Reads only what routing needs;
 * tolerates anything.
 */

/** The MedCom FHIR kinds, in the values of the messaging module's `messageKinds` (contracts/messaging.ts). */
export type MedcomMessageKind = 'care_communication' | 'acknowledgement' | 'hospital_notification' | 'unknown';

export type MessageSniff = {
  kind: MedcomMessageKind;
  bundleId: string | undefined;
  messageHeaderId: string | undefined;
  /** MessageHeader.eventCoding.code as written, when there is one. */
  event: string | undefined;
  /** Why it is `unknown`, as the issue an acknowledgement would carry. */
  issue: MedcomIssue | undefined;
};

const kindOfEvent: Record<string, MedcomMessageKind> = {
  [messageEvent.careCommunication]: 'care_communication',
  [messageEvent.acknowledgement]: 'acknowledgement',
  [messageEvent.hospitalNotification]: 'hospital_notification',
};

export function sniffMessageKind(json: unknown): MessageSniff {
  const unknown = (issue: MedcomIssue, rest: Partial<MessageSniff> = {}): MessageSniff => ({ kind: 'unknown', bundleId: undefined, messageHeaderId: undefined, event: undefined, issue, ...rest });
  if (!isObject(json)) return unknown(medcomIssue('structure', 'MSG_JSON_OBJECT', 'json', '$this', 'beskeden er ikke et JSON-objekt', 'the message is not a JSON object'));
  if (!isBundle(json)) {
    return unknown(medcomIssue('structure', 'MSG_RESOURCE_TYPE_MISMATCH', 'resourceType', 'resourceType', 'beskeden er ikke en FHIR Bundle', 'the message is not a FHIR Bundle'));
  }
  const bundleId = str(json.id);
  const header = entriesOf(json).find((e) => e.resource.resourceType === 'MessageHeader')?.resource;
  if (json.type !== 'message' || !header) {
    return unknown(medcomIssue('structure', 'MSG_RESOURCE_REQUIRED', 'bdl-12', 'Bundle.entry[0].resource', 'beskeden er ikke en FHIR-besked med MessageHeader', 'the Bundle is not a FHIR message with a MessageHeader'), { bundleId });
  }
  const coding = obj(header.eventCoding);
  const event = str(coding?.code);
  const kind = coding?.system === medcomSystem.eventCodes && event !== undefined ? kindOfEvent[event] : undefined;
  if (!kind) {
    return unknown(
      medcomIssue(
        'not-supported',
        'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE',
        'MessageHeader.eventCoding',
        'Bundle.entry[0].resource.ofType(MessageHeader).eventCoding',
        'beskedtypen kan ikke modtages',
        'this message type cannot be received',
      ),
      { bundleId, messageHeaderId: header.id, event },
    );
  }
  return { kind, bundleId, messageHeaderId: header.id, event, issue: undefined };
}

/** JSON text parsed for a MedCom inbox: the value, or the issue a fatal-error acknowledgement would carry. */
export function parseMessageJson(text: string): { ok: true; value: unknown } | { ok: false; issue: MedcomIssue } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, issue: medcomIssue('structure', 'MSG_BAD_SYNTAX', 'json', '$this', 'beskeden er ikke gyldig JSON', 'the message is not valid JSON') };
  }
}
