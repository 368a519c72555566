import { randomUUID } from 'node:crypto';
import type { MessageKind } from '@samkraft/contracts/messaging';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/database/database.ts';
import type { FhirBundle } from '../../platform/fhir/fhir-json.ts';
import { medcomIssue, type MedcomIssue } from '../medcom/medcom-issue.ts';
import type { MedcomOrganisation, MedcomOrganisationInput } from '../medcom/medcom-organisation.ts';
import { resendMessage } from '../medcom/medcom-resources.ts';
import type { ResponseCode } from '../medcom/medcom-terminology.ts';
import { findOrganisationByGlnIn, findOrganisationBySorIn } from '../organisations/organisation.service.ts';
import { findAnswerTo, insertOutgoing, recordIncoming, type MessageRecord } from './message.repository.ts';
import { MESSAGING_SYSTEM, type InboxDeps, type InboxResult } from './inbox.types.ts';

/*
 * What every received MedCom message that is acknowledged shares: the Samkraft unit it is
 * addressed to (or the issue why none), the acknowledgement queued in the outbox, the inbox's
 * answer, and a duplicate answered as the first one was.
 */

export const FHIR_JSON = 'application/fhir+json';
export const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const decode = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as FhirBundle;
/** An organisation as the message table names it: its GLN, else its SOR code. */
export const partyId = (o: { gln?: string | null | undefined; sor?: string | null | undefined } | undefined) => o?.gln ?? o?.sor ?? null;
/** At most this many issues go into an acknowledgement's OperationOutcome. */
export const MAX_ISSUES = 20;

export type ReceivingUnit = { us: MedcomOrganisationInput; municipalityCode: string };

/** The Samkraft unit a message is addressed to: an active municipal unit with SOR and GLN, by the receiver's GLN or SOR. */
export async function receivingUnit(db: Db, receiver: MedcomOrganisation | undefined): Promise<ReceivingUnit | 'missing' | 'unknown'> {
  if (!receiver?.gln && !receiver?.sor) return 'missing';
  const found = (receiver.gln ? await findOrganisationByGlnIn(db, receiver.gln) : undefined) ?? (receiver.sor ? await findOrganisationBySorIn(db, receiver.sor) : undefined);
  if (!found || found.kind !== 'municipal_unit' || !found.active || !found.municipality || !found.sorCode || !found.gln) return 'unknown';
  return { us: { sor: found.sorCode, gln: found.gln, name: found.name }, municipalityCode: found.municipality.code };
}

export function receiverIssue(problem: 'missing' | 'unknown'): MedcomIssue {
  const expression = 'Bundle.entry.resource.ofType(MessageHeader).destination.receiver';
  return problem === 'missing'
    ? medcomIssue('required', 'MSG_Receiver_Identifier_MISSING', 'receiver', expression, 'beskeden har ingen modtager med SOR-id eller GLN', 'the message names no receiver with a SOR id or GLN')
    : medcomIssue('not-found', 'MSG_Receiver_Identifier_UNKNOWN', 'receiver', expression, 'modtageren (SOR-id/GLN) er ikke en enhed i Samkraft', 'the receiver (SOR id/GLN) is not a unit of Samkraft');
}

/** The acknowledgement to send, as the outbox keeps it. */
export type Answer = { bundle: FhirBundle; bundleId: string; messageHeaderId: string; code: ResponseCode };

export async function queueAnswer(trx: Db, deps: InboxDeps, answer: Answer, m: { to: string | null; from: string | null; answers: MessageRecord | undefined; municipalityCode: string | null }): Promise<void> {
  await insertOutgoing(trx, {
    format: 'fhir_json',
    kind: 'acknowledgement',
    envelopeId: answer.bundleId,
    letterId: answer.messageHeaderId,
    senderId: m.from,
    receiverId: m.to,
    municipalityCode: m.municipalityCode,
    courseId: m.answers?.courseId ?? null,
    citizenId: m.answers?.citizenId ?? null,
    answersId: m.answers?.id ?? null,
    contentType: FHIR_JSON,
    payload: encode(answer.bundle),
    now: deps.clock.now(),
  });
}

export function processed(kind: MessageKind, message: MessageRecord | undefined, duplicate: boolean, answer: Answer | undefined): InboxResult {
  return {
    outcome: 'processed',
    kind,
    messageId: message?.id ?? null,
    state: message?.state ?? null,
    duplicate,
    answer: answer ? { format: 'fhir_json', contentType: FHIR_JSON, bytes: encode(answer.bundle), code: answer.code } : null,
  };
}

/**
 * A letter received before (its first delivery's row): counted, and answered with the first
 * acknowledgement's content under a new envelope id and sent time (MedCom: a duplicate is
 * acknowledged the same way and never shown twice).
 */
export async function answerDuplicate(trx: Db, deps: InboxDeps, known: MessageRecord, incoming: { envelopeId: string; bytes: Uint8Array; kind: MessageKind }, counted = false): Promise<InboxResult> {
  const now = deps.clock.now();
  if (!counted) {
    await recordIncoming(trx, {
    format: 'fhir_json',
    kind: incoming.kind,
    envelopeId: incoming.envelopeId,
    letterId: known.letterId,
    senderId: known.senderId,
    receiverId: known.receiverId,
    state: 'accepted',
    contentType: FHIR_JSON,
      payload: incoming.bytes,
      now,
    });
  }
  const first = await findAnswerTo(trx, known.id);
  let answer: Answer | undefined;
  if (first) {
    const bundle = resendMessage(decode(first.payload), { sentAt: now });
    const header = bundle.entry.find((e) => e.resource.resourceType === 'MessageHeader')?.resource;
    const code = (header?.response as { code?: ResponseCode } | undefined)?.code ?? 'ok';
    answer = { bundle, bundleId: bundle.id ?? randomUUID(), messageHeaderId: first.letterId ?? header?.id ?? '', code };
    await queueAnswer(trx, deps, answer, { to: known.senderId, from: known.receiverId, answers: known, municipalityCode: known.municipalityCode });
  }
  await audit(trx, { actor: MESSAGING_SYSTEM }, [
    {
      action: 'message.receive',
      citizenId: known.citizenId,
      entityType: 'message',
      entityId: known.id,
      outcome: 'allowed',
      detail: { kind: incoming.kind, duplicate: true, senderId: known.senderId, letterId: known.letterId, envelopeId: incoming.envelopeId, acknowledgement: answer?.code ?? null },
    },
  ]);
  deps.log?.info({ messageId: known.id, kind: incoming.kind, senderId: known.senderId, letterId: known.letterId }, 'duplicate message received: answered as the first time');
  return processed(incoming.kind, known, true, answer);
}

export function receiverInput(receiver: MedcomOrganisation | undefined): MedcomOrganisationInput | undefined {
  if (!receiver?.sor || !receiver.gln) return undefined;
  return { sor: receiver.sor, gln: receiver.gln, name: receiver.name ?? '' };
}


/** The issue of a message whose Bundle.id came before with another letter. */
export const reusedEnvelopeIssue = (): MedcomIssue => medcomIssue('duplicate', 'MSG_DUPLICATE_ID', 'Bundle.id', 'Bundle.id', 'Bundle.id er brugt før til en anden besked', 'the Bundle.id was used before for another message');

/** A Bundle.id seen before with another letter: not stored (its envelope id is taken), only answered, and the refusal audited. */
export async function answerReusedEnvelope(
  trx: Db,
  deps: InboxDeps,
  answer: Answer,
  m: { kind: MessageKind; senderId: string | null; letterId: string; envelopeId: string; from: string; municipalityCode: string | null; errors: readonly string[] },
): Promise<InboxResult> {
  await queueAnswer(trx, deps, answer, { to: m.senderId, from: m.from, answers: undefined, municipalityCode: m.municipalityCode });
  await audit(trx, { actor: MESSAGING_SYSTEM }, [{ action: 'message.receive', citizenId: null, outcome: 'failed', detail: { kind: m.kind, senderId: m.senderId, letterId: m.letterId, envelopeId: m.envelopeId, acknowledgement: answer.code, errors: [...m.errors] } }]);
  return processed(m.kind, undefined, false, answer);
}
