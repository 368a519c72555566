import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/database/database.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { FhirBundle } from '../../platform/fhir/fhir-json.ts';
import { buildCareCommunication, type CareCommunicationInput } from '../medcom/carecommunication-builder.ts';
import { isError, withoutCpr } from '../medcom/medcom-issue.ts';
import { resendMessage } from '../medcom/medcom-resources.ts';
import { validateCareCommunication } from '../medcom/medcom-validation.ts';
import { FHIR_JSON } from './inbox-acknowledge.ts';
import { MESSAGING_SYSTEM, type InboxDeps } from './inbox.types.ts';
import { claimDueOutgoing, findDueOutgoing, insertOutgoing, markFailed, markSent, type MessageRecord } from './message.repository.ts';
import type { MessageTransport } from './message-transport.ts';
import { acknowledgementDueAt, awaitsAcknowledgement, failureTextDa, NO_ACKNOWLEDGEMENT, outboxAction, outgoingFileName } from './messaging.rules.ts';

/*
 * The outbox: a message is queued in the transaction of the action that sends it (the closing
 * note's, an acknowledgement's), and a pass writes what is due to the transport — the first send,
 * a resend (MedCom's reliable messaging: a new envelope id and sent time after 30 minutes without
 * an acknowledgement, at most twice), or gives up (failed, no acknowledgement).
 */

/** A CareCommunication to send: the builder's input without the time and ids the outbox gives it. */
export type OutgoingCareCommunication = Omit<CareCommunicationInput, 'sentAt' | 'ids' | 'fullUrlBase'>;

/** The outgoing message as the course shows it. */
export type { MessageRecord };

/**
 * Builds a CareCommunication, checks it against its profile, invariants and base R4 (a message
 * that fails is an error: it is never sent), and queues it for the outbox in the caller's
 * transaction, about the citizen and course given (audited as the caller).
 */
export async function queueCareCommunicationIn(trx: Db, ctx: ServiceContext, m: { input: OutgoingCareCommunication; courseId: string; citizenId: string; municipalityCode: string }): Promise<MessageRecord> {
  const now = ctx.clock.now();
  const built = buildCareCommunication({ ...m.input, sentAt: now });
  const validation = await validateCareCommunication(built.bundle);
  if (!validation.valid) {
    const what = validation.issues
      .filter(isError)
      .slice(0, 5)
      .map((i) => `${i.key} at ${i.expression}: ${i.en}`)
      .join('; ');
    throw new Error(withoutCpr(`the CareCommunication Samkraft built does not pass MedCom's validation, so it is not sent: ${what}`));
  }
  const record = await insertOutgoing(trx, {
    format: 'fhir_json',
    kind: 'care_communication',
    envelopeId: built.bundleId,
    letterId: built.messageHeaderId,
    senderId: m.input.sender.gln,
    receiverId: m.input.receiver.gln,
    municipalityCode: m.municipalityCode,
    courseId: m.courseId,
    citizenId: m.citizenId,
    contentType: FHIR_JSON,
    payload: new TextEncoder().encode(JSON.stringify(built.bundle)),
    now,
  });
  await audit(trx, ctx, [
    {
      action: 'message.queue',
      citizenId: m.citizenId,
      entityType: 'message',
      entityId: record.id,
      outcome: 'allowed',
      detail: { kind: 'care_communication', courseId: m.courseId, receiverId: m.input.receiver.gln, letterId: built.messageHeaderId, category: m.input.category ?? null },
    },
  ]);
  return record;
}

export type OutboxPassResult = { sent: number; resent: number; failed: number; errors: number };

type Due = MessageRecord & { payload: Uint8Array };

/** A message sent again: the same message (MessageHeader and all) in a new envelope, sent now. */
function resent(m: Due, now: Date): { envelopeId: string; payload: Uint8Array } {
  const bundle = resendMessage(JSON.parse(new TextDecoder().decode(m.payload)) as FhirBundle, { sentAt: now });
  return { envelopeId: bundle.id ?? '', payload: new TextEncoder().encode(JSON.stringify(bundle)) };
}

async function dispatchOne(trx: Db, deps: InboxDeps & { transport: MessageTransport }, id: string, now: Date): Promise<'sent' | 'resent' | 'failed' | 'wait'> {
  const m = await claimDueOutgoing(trx, id, now);
  if (!m) return 'wait';
  const action = outboxAction(m, now);
  if (action === 'wait') return 'wait';
  if (action === 'give_up') {
    await markFailed(trx, m.id, { reasonCode: NO_ACKNOWLEDGEMENT, reasonText: failureTextDa[NO_ACKNOWLEDGEMENT] ?? NO_ACKNOWLEDGEMENT, at: now });
    if (m.citizenId) await audit(trx, { actor: MESSAGING_SYSTEM }, [{ action: 'message.failed', citizenId: m.citizenId, entityType: 'message', entityId: m.id, outcome: 'failed', detail: { kind: m.kind, reason: NO_ACKNOWLEDGEMENT, sends: m.sends } }]);
    deps.log?.warn({ messageId: m.id, kind: m.kind, sends: m.sends }, 'message failed: no acknowledgement after the last resend');
    return 'failed';
  }
  // Only a FHIR message is resent (an OIOXML receipt awaits nothing).
  const out = action === 'resend' && m.format === 'fhir_json' ? resent(m, now) : { envelopeId: m.envelopeId, payload: m.payload };
  await deps.transport.send({ name: outgoingFileName({ kind: m.kind, envelopeId: out.envelopeId, format: m.format }), bytes: out.payload });
  await markSent(trx, m.id, { envelopeId: out.envelopeId, payload: out.payload, at: now, nextSendAt: awaitsAcknowledgement(m.kind) ? acknowledgementDueAt(now) : null });
  if (m.citizenId && awaitsAcknowledgement(m.kind)) {
    await audit(trx, { actor: MESSAGING_SYSTEM }, [
      { action: 'message.send', citizenId: m.citizenId, entityType: 'message', entityId: m.id, outcome: 'allowed', detail: { kind: m.kind, receiverId: m.receiverId, envelopeId: out.envelopeId, send: m.sends + 1 } },
    ]);
  }
  deps.log?.info({ messageId: m.id, kind: m.kind, envelopeId: out.envelopeId, send: m.sends + 1 }, action === 'resend' ? 'message sent again' : 'message sent');
  return action === 'resend' ? 'resent' : 'sent';
}

/**
 * One pass over the outbox: each due message in its own transaction, locked (another instance's
 * pass skips it), written to the transport and marked. A failure is logged and the message stays
 * due for the next pass.
 */
export async function runOutboxPass(deps: InboxDeps & { transport: MessageTransport }, limit = 50): Promise<OutboxPassResult> {
  const counts: OutboxPassResult = { sent: 0, resent: 0, failed: 0, errors: 0 };
  const now = deps.clock.now();
  for (const due of await findDueOutgoing(deps.db, now, limit)) {
    try {
      const done = await deps.db.transaction().execute((trx) => dispatchOne(trx, deps, due.id, now));
      if (done !== 'wait') counts[done] += 1;
    } catch (err) {
      counts.errors += 1;
      deps.log?.error({ messageId: due.id, err: err instanceof Error ? withoutCpr(err.message) : 'unknown error' }, 'sending a message failed: it stays in the outbox');
    }
  }
  return counts;
}
