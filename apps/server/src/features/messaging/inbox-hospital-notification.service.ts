import { randomUUID } from 'node:crypto';
import type { MessageState } from '@samkraft/contracts/messaging';
import { audit } from '../../platform/audit/audit.ts';
import { applyHospitalNotification, type NotificationOutcome } from '../hospital-notifications/apply-notification.service.ts';
import { acknowledgedMessageOf, buildAcknowledgement } from '../medcom/acknowledgement-builder.ts';
import { readHospitalNotification } from '../medcom/hospitalnotification-reader.ts';
import { isError, withoutCpr, type MedcomIssue } from '../medcom/medcom-issue.ts';
import type { ResponseCode } from '../medcom/medcom-terminology.ts';
import { validateHospitalNotification } from '../medcom/medcom-validation.ts';
import type { MessageSniff } from '../medcom/message-kind.ts';
import { FHIR_JSON, MAX_ISSUES, answerDuplicate, answerReusedEnvelope, reusedEnvelopeIssue, partyId, processed, queueAnswer, receiverInput, receiverIssue, receivingUnit } from './inbox-acknowledge.ts';
import { MESSAGING_SYSTEM, type InboxDeps, type InboxResult } from './inbox.types.ts';
import { findIncomingByEnvelope, findIncomingByLetter, keepActedOnIncoming, recordIncoming } from './message.repository.ts';

/*
 * A MedCom HospitalNotification received. It is checked and acknowledged as a CareCommunication
 * is (the sender must have its answer whatever Samkraft does with it), kept once (sender +
 * MessageHeader id) so a duplicate gets the first acknowledgement again and is not acted on twice,
 * and handed to `hospital-notifications`, which acts on it only when the receiving municipality
 * has chosen to and the citizen has an open course there. What is kept of one not acted on is only
 * what the duplicate check and the acknowledgement need: its ids, sender, receiver and state — not
 * its content, not the citizen.
 */

const NOTHING = new Uint8Array();

export async function receiveHospitalNotification(deps: InboxDeps, message: unknown, sniff: MessageSniff, bytes: Uint8Array): Promise<InboxResult> {
  const acknowledged = acknowledgedMessageOf(message);
  if (!acknowledged) return { outcome: 'rejected', reason: 'the message cannot be acknowledged: it has no MessageHeader id, or its sender has no SOR id and GLN' };
  const senderId = partyId(acknowledged.sender);
  const letterId = acknowledged.messageHeaderId;
  const envelopeId = sniff.bundleId ?? `missing-${randomUUID()}`;
  const kind = 'hospital_notification' as const;
  const db = deps.db;

  const known = await findIncomingByLetter(db, senderId, letterId);
  if (known) return db.transaction().execute((trx) => answerDuplicate(trx, deps, known, { envelopeId, bytes: NOTHING, kind }));

  const unit = await receivingUnit(db, acknowledged.receiver);
  const reused = await findIncomingByEnvelope(db, envelopeId);
  let issues: MedcomIssue[];
  if (typeof unit === 'string') issues = [receiverIssue(unit)];
  else if (reused) issues = [reusedEnvelopeIssue()];
  else issues = (await validateHospitalNotification(message)).issues.filter(isError).slice(0, MAX_ISSUES);

  const us = typeof unit === 'string' ? receiverInput(acknowledged.receiver) : unit.us;
  if (!us) return { outcome: 'rejected', reason: 'the message cannot be acknowledged: its receiver has no valid SOR id and GLN' };
  const municipalityCode = typeof unit === 'string' ? null : unit.municipalityCode;
  const code: ResponseCode = issues.length > 0 ? 'fatal-error' : 'ok';
  const state: MessageState = code === 'ok' ? 'accepted' : 'refused';
  const now = deps.clock.now();
  const answer = { ...buildAcknowledgement({ code, acknowledged, us, issues, sentAt: now }), code };
  const errors = [...new Set(issues.map((i) => i.code))];

  return db.transaction().execute(async (trx) => {
    if (reused) return answerReusedEnvelope(trx, deps, answer, { kind, senderId, letterId, envelopeId, from: us.gln, municipalityCode, errors });
    const first = issues[0];
    const recorded = await recordIncoming(trx, {
      format: 'fhir_json',
      kind,
      envelopeId,
      letterId,
      senderId,
      receiverId: us.gln,
      municipalityCode,
      state,
      reasonCode: first?.code ?? null,
      reasonText: first ? withoutCpr(`${first.da} (${first.expression})`).slice(0, 2000) : null,
      contentType: FHIR_JSON,
      payload: NOTHING,
      now,
    });
    if (recorded.duplicate) return answerDuplicate(trx, deps, recorded.message, { envelopeId, bytes: NOTHING, kind }, true);
    let outcome: NotificationOutcome | undefined;
    if (code === 'ok' && municipalityCode && senderId) {
      outcome = await applyHospitalNotification(trx, { actor: MESSAGING_SYSTEM, ...(deps.requestId ? { requestId: deps.requestId } : {}) }, { municipalityCode, senderId, model: readHospitalNotification(message), now });
      if (outcome.acted === 'applied' || outcome.acted === 'older_than_kept') await keepActedOnIncoming(trx, recorded.message.id, { citizenId: outcome.citizenId, payload: bytes, at: now });
    }
    const citizenId = outcome && 'citizenId' in outcome ? outcome.citizenId : null;
    await queueAnswer(trx, deps, answer, { to: senderId, from: us.gln, answers: { ...recorded.message, citizenId }, municipalityCode });
    await audit(trx, { actor: MESSAGING_SYSTEM }, [
      {
        action: 'message.receive',
        citizenId,
        entityType: 'message',
        entityId: recorded.message.id,
        outcome: code === 'ok' ? 'allowed' : 'failed',
        detail: { kind, state, duplicate: false, senderId, letterId, envelopeId, municipalityCode, acted: outcome?.acted ?? null, acknowledgement: code, errors },
      },
    ]);
    deps.log?.info({ messageId: recorded.message.id, kind, state, senderId, letterId, acted: outcome?.acted ?? null, acknowledgement: code }, 'message received');
    return processed(kind, { ...recorded.message, citizenId }, false, answer);
  });
}
