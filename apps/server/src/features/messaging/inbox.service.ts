import { randomUUID } from 'node:crypto';
import { MAX_OIOXML_BYTES } from '@samkraft/contracts/hospital-referrals';
import type { Db } from '../../platform/database/database.ts';
import { readXmlText, XmlInputError } from '../../platform/xml/xml-input.ts';
import { parseXml } from '../../platform/xml/xml-tree.ts';
import { receiveHospitalReferral } from '../hospital-referrals/receive-referral.service.ts';
import { readOioxmlEnvelope } from '../hospital-referrals/xref01.reader.ts';
import { withoutCpr } from '../medcom/medcom-issue.ts';
import { parseMessageJson, sniffMessageKind } from '../medcom/message-kind.ts';
import { MAX_MESSAGE_BYTES } from './file-drop.transport.ts';
import { receiveAcknowledgement, receiveCareCommunication } from './inbox-fhir.service.ts';
import { receiveHospitalNotification } from './inbox-hospital-notification.service.ts';
import { MESSAGING_SYSTEM, type InboxAnswer, type InboxDeps, type InboxResult } from './inbox.types.ts';
import { insertOutgoing, recordIncoming, type MessageRecord } from './message.repository.ts';
import type { IncomingFile, MessageTransport } from './message-transport.ts';
import { incomingShape, withNewEnvelopeId } from './messaging.rules.ts';

/*
 * The inbox: one received file (from the transport, or the body of POST /api/messages) taken by
 * what it is — a MedCom FHIR message (JSON) or an OIOXML letter (XML, today the hospital referral
 * XREF01) — kept, answered through the outbox, or rejected with its reason when it is not a
 * message Samkraft can take or answer (then nothing of it is kept). One transaction per message.
 */

export type { InboxDeps, InboxResult } from './inbox.types.ts';
export { MESSAGING_SYSTEM } from './inbox.types.ts';

const XML = 'application/xml';
const rejected = (reason: string): InboxResult => ({ outcome: 'rejected', reason });

/** The envelope and first letter of an OIOXML document, read leniently (undefined when unreadable). */
function oioxmlIds(bytes: Uint8Array): { envelopeId: string; letterId: string | null; senderEan: string | null; receiverEan: string | null } | undefined {
  try {
    const envelope = readOioxmlEnvelope(parseXml(readXmlText(bytes, { maxBytes: MAX_OIOXML_BYTES }).text));
    const letter = envelope.letters[0];
    return envelope.envelopeId ? { envelopeId: envelope.envelopeId, letterId: letter?.letterId ?? null, senderEan: letter?.senderEan ?? null, receiverEan: letter?.receiverEan ?? null } : undefined;
  } catch (e) {
    if (e instanceof XmlInputError) return undefined;
    throw e;
  }
}

/** A receipt's new envelope id: at most 14 characters (MedCom's String_1_14), as hospital-referrals writes them. */
const receiptEnvelopeId = () => `SKK${randomUUID().replace(/-/g, '').slice(0, 11).toUpperCase()}`;

/** A receipt (XCTL03/XCTL02) for the outbox; a duplicate's receipt goes again in a new envelope. */
async function queueReceipt(trx: Db, deps: InboxDeps, xml: string, o: { answers: MessageRecord | undefined; again: boolean; municipalityCode: string | null }): Promise<InboxAnswer> {
  const ids = oioxmlIds(new TextEncoder().encode(xml));
  if (!ids) throw new Error('the receipt written by hospital-referrals has no envelope id');
  let envelopeId = ids.envelopeId;
  let text = xml;
  if (o.again) {
    envelopeId = receiptEnvelopeId();
    text = withNewEnvelopeId(xml, ids.envelopeId, envelopeId);
  }
  const bytes = new TextEncoder().encode(text);
  await insertOutgoing(trx, {
    format: 'oioxml',
    kind: 'receipt',
    envelopeId,
    letterId: ids.letterId,
    senderId: ids.senderEan,
    receiverId: ids.receiverEan,
    municipalityCode: o.municipalityCode,
    answersId: o.answers?.id ?? null,
    contentType: XML,
    payload: bytes,
    now: deps.clock.now(),
  });
  return { format: 'oioxml', contentType: XML, bytes, code: text.includes('NegativeReceipt') ? 'negative' : 'positive' };
}

/**
 * An OIOXML letter: hospital-referrals reads it into a draft referral (in its own transaction,
 * audited) and writes the receipt; the letter is kept here as received (once: sender EAN + letter
 * id) and the receipt goes to the outbox. A refused letter is kept nowhere: its negative receipt,
 * when one can be written, goes out and the file is rejected with the reason.
 */
async function receiveOioxml(deps: InboxDeps, bytes: Uint8Array): Promise<InboxResult> {
  const result = await receiveHospitalReferral({ db: deps.db, actor: MESSAGING_SYSTEM, clock: deps.clock, ...(deps.requestId ? { requestId: deps.requestId } : {}) }, bytes);
  if (result.outcome === 'refused') {
    const receipt = result.receipt;
    const answer = receipt ? await deps.db.transaction().execute((trx) => queueReceipt(trx, deps, receipt.xml, { answers: undefined, again: false, municipalityCode: null })) : null;
    return { outcome: 'rejected', reason: `hospital referral refused (${result.refusal.problem}): ${result.refusal.message}`, answer };
  }
  const ids = oioxmlIds(bytes);
  if (!ids) throw new Error('a letter hospital-referrals took has no readable envelope');
  return deps.db.transaction().execute(async (trx) => {
    const recorded = await recordIncoming(trx, {
      format: 'oioxml',
      kind: 'hospital_referral',
      envelopeId: ids.envelopeId,
      letterId: ids.letterId,
      senderId: ids.senderEan,
      receiverId: ids.receiverEan,
      municipalityCode: result.municipalityCode,
      state: 'accepted',
      contentType: XML,
      payload: bytes,
      now: deps.clock.now(),
    });
    const again = recorded.duplicate || result.outcome === 'duplicate';
    const answer = result.receipt ? await queueReceipt(trx, deps, result.receipt.xml, { answers: recorded.message, again, municipalityCode: result.municipalityCode }) : null;
    deps.log?.info({ messageId: recorded.message.id, kind: 'hospital_referral', senderId: ids.senderEan, letterId: ids.letterId, duplicate: again, receipt: answer?.code ?? null }, 'message received');
    return { outcome: 'processed', kind: 'hospital_referral', messageId: recorded.message.id, state: recorded.message.state, duplicate: again, answer };
  });
}

/** A MedCom FHIR message, by its MessageHeader's event. */
async function receiveFhir(deps: InboxDeps, bytes: Uint8Array): Promise<InboxResult> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return rejected('the file is not UTF-8 text');
  }
  const parsed = parseMessageJson(text);
  if (!parsed.ok) return rejected(`not a FHIR message: ${parsed.issue.en} (${parsed.issue.code})`);
  const sniff = sniffMessageKind(parsed.value);
  switch (sniff.kind) {
    case 'care_communication':
      return receiveCareCommunication(deps, parsed.value, sniff, bytes);
    case 'acknowledgement':
      return receiveAcknowledgement(deps, parsed.value, sniff, bytes);
    case 'hospital_notification':
      return receiveHospitalNotification(deps, parsed.value, sniff, bytes);
    case 'unknown': {
      // A message of a type Samkraft does not take is answered so; anything else is not a message.
      const issue = sniff.issue ?? {
        severity: 'error' as const,
        type: 'not-supported' as const,
        code: 'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE' as const,
        key: 'MessageHeader.eventCoding',
        expression: 'Bundle.entry[0].resource.ofType(MessageHeader).eventCoding',
        da: 'beskedtypen kan ikke modtages',
        en: 'this message type cannot be received',
      };
      if (sniff.messageHeaderId && issue.code === 'MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE') return receiveCareCommunication(deps, parsed.value, sniff, bytes, issue);
      return rejected(`not a FHIR message: ${issue.en} (${issue.code})`);
    }
  }
}

/** One received file through the inbox. */
export async function receiveIncoming(deps: InboxDeps, file: { bytes: Uint8Array; size?: number }): Promise<InboxResult> {
  const size = file.size ?? file.bytes.length;
  if (size > MAX_MESSAGE_BYTES) return rejected(`the file is larger than a message may be (${MAX_MESSAGE_BYTES / 1024 / 1024} MB)`);
  if (size === 0) return rejected('the file is empty');
  switch (incomingShape(file.bytes)) {
    case 'json':
      return receiveFhir(deps, file.bytes);
    case 'xml':
      return receiveOioxml(deps, file.bytes);
    case 'other':
      return rejected('the file is neither a FHIR message (JSON) nor an OIOXML letter (XML)');
  }
}

export type InboxPassResult = { processed: number; rejected: number; failed: number };

/**
 * One pass over the transport's inbox: each file received, then moved to processed or rejected
 * (with its reason). A file whose handling failed (the database away) stays for the next pass.
 */
export async function runInboxPass(deps: InboxDeps & { transport: MessageTransport }, limit = 50): Promise<InboxPassResult> {
  const counts: InboxPassResult = { processed: 0, rejected: 0, failed: 0 };
  const files: IncomingFile[] = await deps.transport.receive(limit);
  for (const file of files) {
    const name = withoutCpr(file.name);
    let result: InboxResult;
    try {
      result = await receiveIncoming(deps, file);
    } catch (err) {
      counts.failed += 1;
      deps.log?.error({ file: name, err: err instanceof Error ? withoutCpr(err.message) : 'unknown error' }, 'receiving a message failed: the file stays in the inbox');
      continue;
    }
    if (result.outcome === 'rejected') {
      counts.rejected += 1;
      deps.log?.warn({ file: name, reason: withoutCpr(result.reason) }, 'message rejected');
      await deps.transport.settle(file, { kind: 'rejected', reason: withoutCpr(result.reason) });
    } else {
      counts.processed += 1;
      await deps.transport.settle(file, { kind: 'processed' });
    }
  }
  return counts;
}
