import { randomUUID } from 'node:crypto';
import type { MessageKind, MessageState } from '@samkraft/contracts/messaging';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/database/database.ts';
import { acknowledgedMessageOf, buildAcknowledgement, type AcknowledgedMessage } from '../medcom/acknowledgement-builder.ts';
import { readAcknowledgement } from '../medcom/acknowledgement-reader.ts';
import { readCareCommunication } from '../medcom/carecommunication-reader.ts';
import { isError, withoutCpr, type MedcomIssue } from '../medcom/medcom-issue.ts';
import type { ResponseCode } from '../medcom/medcom-terminology.ts';
import { validateAcknowledgement, validateCareCommunication } from '../medcom/medcom-validation.ts';
import type { MessageSniff } from '../medcom/message-kind.ts';
import { findCitizenByIdentifiers, findCourseFacts } from './message-matching.repository.ts';
import {
  findIncomingByEnvelope,
  findIncomingByLetter,
  findOutgoingByLetter,
  recordAcknowledgement,
  recordIncoming,
  type MessageRecord,
} from './message.repository.ts';
import { chooseCourse } from './messaging.rules.ts';
import { FHIR_JSON, MAX_ISSUES, answerDuplicate, answerReusedEnvelope, reusedEnvelopeIssue, partyId, processed, queueAnswer, receiverInput, receiverIssue, receivingUnit } from './inbox-acknowledge.ts';
import { MESSAGING_SYSTEM, type InboxDeps, type InboxResult } from './inbox.types.ts';

/*
 * A MedCom FHIR message received: a CareCommunication is kept once (sender + MessageHeader id),
 * checked, placed on the citizen's course or in the municipality's inbox of unmatched messages,
 * and answered with an Acknowledgement through the outbox; a duplicate is answered with the first
 * one's acknowledgement again under a new envelope. A received Acknowledgement settles the
 * outgoing message it answers; it is never acknowledged in turn.
 */

/** The course a valid CareCommunication belongs on, by the thread it answers or the citizen's CPR or replacement CPR. */
async function matchCourse(db: Db, municipalityCode: string, message: unknown): Promise<{ citizenId: string; courseId: string } | undefined> {
  const model = readCareCommunication(message);
  const identifiers = (model.patient?.identifiers ?? []).filter((i) => i.kind !== 'other').map((i) => i.value);
  // A reply to (or forward of) a message Samkraft sent: that message's course, when it is this citizen's.
  const preceding = model.precedingMessageHeaderId ? await findOutgoingByLetter(db, model.precedingMessageHeaderId) : undefined;
  if (preceding?.courseId) {
    const facts = await findCourseFacts(db, preceding.courseId);
    if (facts && facts.municipalityCode === municipalityCode && facts.cpr !== null && identifiers.includes(facts.cpr)) return { citizenId: facts.citizenId, courseId: facts.courseId };
  }
  const citizen = await findCitizenByIdentifiers(db, municipalityCode, identifiers);
  if (!citizen) return undefined;
  const courseId = chooseCourse(citizen.courses, model.episodeOfCare?.value);
  return courseId ? { citizenId: citizen.citizenId, courseId } : undefined;
}

/** A received CareCommunication (or a message of a kind Samkraft does not take, `unsupported` its issue). */
export async function receiveCareCommunication(deps: InboxDeps, message: unknown, sniff: MessageSniff, bytes: Uint8Array, unsupported?: MedcomIssue): Promise<InboxResult> {
  const kind: MessageKind = unsupported ? sniff.kind : 'care_communication';
  const acknowledged: AcknowledgedMessage | undefined = acknowledgedMessageOf(message);
  if (!acknowledged) return { outcome: 'rejected', reason: 'the message cannot be acknowledged: it has no MessageHeader id, or its sender has no SOR id and GLN' };
  const senderId = partyId(acknowledged.sender);
  const letterId = acknowledged.messageHeaderId;
  const envelopeId = sniff.bundleId ?? `missing-${randomUUID()}`;
  const db = deps.db;

  // A duplicate is answered before the (slow) validation: as the first one was.
  const known = await findIncomingByLetter(db, senderId, letterId);
  if (known) return db.transaction().execute((trx) => answerDuplicate(trx, deps, known, { envelopeId, bytes, kind }));

  const unit = await receivingUnit(db, acknowledged.receiver);
  const reused = await findIncomingByEnvelope(db, envelopeId);
  let issues: MedcomIssue[];
  if (typeof unit === 'string') issues = [receiverIssue(unit)];
  else if (unsupported) issues = [unsupported];
  else if (reused) {
    issues = [reusedEnvelopeIssue()];
  } else issues = (await validateCareCommunication(message)).issues.filter(isError).slice(0, MAX_ISSUES);

  // We answer as the receiver the message was addressed to: our unit, else the address it named.
  const us = typeof unit === 'string' ? receiverInput(acknowledged.receiver) : unit.us;
  if (!us) return { outcome: 'rejected', reason: 'the message cannot be acknowledged: its receiver has no valid SOR id and GLN' };
  const municipalityCode = typeof unit === 'string' ? null : unit.municipalityCode;
  const code: ResponseCode = issues.length > 0 ? 'fatal-error' : 'ok';
  const match = code === 'ok' && municipalityCode ? await matchCourse(db, municipalityCode, message) : undefined;
  const state: MessageState = code !== 'ok' ? 'refused' : match ? 'accepted' : 'unmatched';
  const now = deps.clock.now();
  const answer = { ...buildAcknowledgement({ code, acknowledged, us, issues, sentAt: now }), code };

  return db.transaction().execute(async (trx) => {
    if (reused) return answerReusedEnvelope(trx, deps, answer, { kind, senderId, letterId, envelopeId, from: us.gln, municipalityCode, errors: ['MSG_DUPLICATE_ID'] });
    const first = issues[0];
    const recorded = await recordIncoming(trx, {
      format: 'fhir_json',
      kind,
      envelopeId,
      letterId,
      senderId,
      receiverId: us.gln,
      municipalityCode,
      courseId: match?.courseId ?? null,
      citizenId: match?.citizenId ?? null,
      state,
      reasonCode: first?.code ?? null,
      reasonText: first ? withoutCpr(`${first.da} (${first.expression})`).slice(0, 2000) : null,
      contentType: FHIR_JSON,
      payload: bytes,
      now,
    });
    // The same letter stored by another delivery meanwhile: answered as that one was.
    if (recorded.duplicate) return answerDuplicate(trx, deps, recorded.message, { envelopeId, bytes, kind }, true);
    await queueAnswer(trx, deps, answer, { to: senderId, from: us.gln, answers: recorded.message, municipalityCode });
    await audit(trx, { actor: MESSAGING_SYSTEM }, [
      {
        action: 'message.receive',
        citizenId: match?.citizenId ?? null,
        entityType: 'message',
        entityId: recorded.message.id,
        outcome: code === 'ok' ? 'allowed' : 'failed',
        detail: { kind, state, duplicate: false, senderId, letterId, envelopeId, municipalityCode, courseId: match?.courseId ?? null, acknowledgement: code, errors: [...new Set(issues.map((i) => i.code))] },
      },
    ]);
    deps.log?.info({ messageId: recorded.message.id, kind, state, senderId, letterId, acknowledgement: code }, 'message received');
    return processed(kind, recorded.message, false, answer);
  });
}

/** The OperationOutcome of a negative acknowledgement as one text (no CPR), for the course page. */
function outcomeText(issues: ReturnType<typeof readAcknowledgement>['issues']): string | null {
  const texts = issues.map((i) => [i.code, i.text].filter(Boolean).join(': ')).filter((t) => t !== '');
  return texts.length > 0 ? withoutCpr(texts.join('; ')).slice(0, 2000) : null;
}

/**
 * A received Acknowledgement: the outgoing message it names (response.identifier) is delivered on
 * ok and failed otherwise, with the OperationOutcome's text. Never acknowledged. An invalid one,
 * one for a message Samkraft did not send, and one for a message already settled are kept as
 * refused and logged; the same acknowledgement again is counted on its first row.
 */
export async function receiveAcknowledgement(deps: InboxDeps, message: unknown, sniff: MessageSniff, bytes: Uint8Array): Promise<InboxResult> {
  const validation = await validateAcknowledgement(message);
  const model = readAcknowledgement(message);
  const senderId = partyId(model.sender);
  const letterId = model.messageHeaderId ?? null;
  const envelopeId = sniff.bundleId ?? `missing-${randomUUID()}`;
  const now = deps.clock.now();
  const errors = validation.issues.filter(isError);
  return deps.db.transaction().execute(async (trx) => {
    const known = letterId ? await findIncomingByLetter(trx, senderId, letterId) : undefined;
    if (known) {
      await recordIncoming(trx, { format: 'fhir_json', kind: 'acknowledgement', envelopeId, letterId, senderId, receiverId: known.receiverId, state: 'accepted', contentType: FHIR_JSON, payload: bytes, now });
      deps.log?.info({ messageId: known.id, senderId, letterId }, 'duplicate acknowledgement received: ignored');
      return processed('acknowledgement', known, true, undefined);
    }
    if (await findIncomingByEnvelope(trx, envelopeId)) {
      deps.log?.warn({ senderId, letterId, envelopeId }, 'acknowledgement in an envelope received before with another letter: ignored');
      return processed('acknowledgement', undefined, false, undefined);
    }
    let state: MessageState = 'refused';
    let reason: { code: string; text: string } | undefined;
    let settled: MessageRecord | undefined;
    const target = model.acknowledgedMessageHeaderId ? await findOutgoingByLetter(trx, model.acknowledgedMessageHeaderId) : undefined;
    if (errors.length > 0 || !model.code || !model.acknowledgedMessageHeaderId) {
      const first = errors[0];
      reason = { code: first?.code ?? 'invalid', text: withoutCpr(first ? `${first.da} (${first.expression})` : 'kvitteringen mangler response.code eller response.identifier') };
    } else {
      settled = await recordAcknowledgement(trx, {
        letterId: model.acknowledgedMessageHeaderId,
        code: model.code,
        reasonCode: model.code === 'ok' ? null : (model.issues.find((i) => i.code)?.code ?? model.code),
        reasonText: model.code === 'ok' ? null : (outcomeText(model.issues) ?? model.code),
        at: now,
      });
      if (settled) state = 'accepted';
      else reason = target ? { code: 'already_acknowledged', text: 'beskeden var allerede kvitteret' } : { code: 'unknown_message', text: 'kvitteringen svarer ikke på en besked, Samkraft har sendt' };
    }
    const answered = settled ?? target;
    const recorded = await recordIncoming(trx, {
      format: 'fhir_json',
      kind: 'acknowledgement',
      envelopeId,
      letterId,
      senderId,
      receiverId: partyId(model.receiver),
      municipalityCode: answered?.municipalityCode ?? null,
      courseId: answered?.courseId ?? null,
      citizenId: answered?.citizenId ?? null,
      answersId: answered?.id ?? null,
      state,
      reasonCode: reason?.code ?? null,
      reasonText: reason?.text ?? null,
      contentType: FHIR_JSON,
      payload: bytes,
      now,
    });
    if (settled?.citizenId) {
      await audit(trx, { actor: MESSAGING_SYSTEM }, [
        { action: 'message.acknowledged', citizenId: settled.citizenId, entityType: 'message', entityId: settled.id, outcome: 'allowed', detail: { kind: settled.kind, state: settled.state, acknowledgement: model.code ?? null, acknowledgementId: recorded.message.id } },
      ]);
    }
    const log = { messageId: recorded.message.id, answers: answered?.id ?? null, senderId, letterId, acknowledgement: model.code ?? null, reason: reason?.code ?? null };
    if (settled) deps.log?.info(log, 'acknowledgement received');
    else deps.log?.warn(log, 'acknowledgement not acted on');
    return processed('acknowledgement', recorded.message, false, undefined);
  });
}
