import { formatCpr } from '@samkraft/contracts/cpr';
import type { MessageListQuery, MessagePage, MessageSummary, UnmatchedMessage, UnmatchedMessageCount, UnmatchedMessageList } from '@samkraft/contracts/messaging';
import { audit } from '../../platform/audit/audit.ts';
import { hasRole, type StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { readCareCommunication } from '../medcom/carecommunication-reader.ts';
import { findCitizenByIdentifiers, findCourseFacts, type MatchedCitizen } from './message-matching.repository.ts';
import { countUnmatched, findMessage, listMessages, listUnmatched, MESSAGE_COUNT_CAP, placeIncoming, type MessageRecord } from './message.repository.ts';
import { toMessageSummary } from './messaging.rules.ts';

/*
 * The inbox and outbox as people see them: administrators the whole of it (states and reasons, no
 * citizen), a course its own messages, and a municipality's contact persons and leads the received
 * messages no course was found for, which they place on the right course. Every read of a message
 * about a person, and every placement, is audited.
 */

/** Administrators only; a refusal is audited. */
async function requireAdministrator(ctx: ServiceContext, action: string): Promise<void> {
  if (hasRole(ctx.actor, 'administrator')) return;
  await audit(ctx.db, ctx, [{ action, citizenId: null, outcome: 'denied', detail: { reason: 'not_administrator' } }]);
  throw AppError.forbidden('Only administrators see the inbox and outbox');
}

/** The inbox and outbox with states and reasons, newest first (ids and codes, no citizen). */
export async function listMessagesForAdministrator(ctx: ServiceContext, q: MessageListQuery): Promise<MessagePage> {
  await requireAdministrator(ctx, 'message.list');
  const { items, total } = await listMessages(ctx.db, { direction: q.direction, state: q.state, kind: q.kind, municipalityCode: q.municipalityCode, offset: q.offset, limit: q.limit });
  return { items: items.map(toMessageSummary), total: Math.min(total, MESSAGE_COUNT_CAP), totalCapped: total > MESSAGE_COUNT_CAP, offset: q.offset, limit: q.limit };
}

/** An outgoing message of the course by its id (the closing note's CareCommunication), for another feature. */
export async function outgoingMessageOfCourseIn(db: Db, courseId: string, messageId: string): Promise<MessageSummary | undefined> {
  const found = await findMessage(db, messageId);
  return found && found.courseId === courseId && found.direction === 'out' ? toMessageSummary(found) : undefined;
}

/** Contact persons and leads of the municipality the messages came to; a refusal is audited. */
async function requirePlacer(ctx: ServiceContext, action: string, municipalityCode?: string | null): Promise<StaffActor> {
  const actor = ctx.actor;
  const allowed = actor.kind === 'staff' && hasRole(actor, 'contact_person', 'municipal_lead') && (municipalityCode === undefined || municipalityCode === actor.municipalityCode);
  if (actor.kind !== 'staff' || !allowed) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, outcome: 'denied', detail: { reason: actor.kind !== 'staff' ? 'not_staff' : municipalityCode === undefined ? 'role' : 'role_or_municipality' } }]);
    throw AppError.forbidden('Only contact persons and leads of the receiving municipality place received messages');
  }
  return actor;
}

function unmatchedOf(m: MessageRecord & { payload: Uint8Array }, candidates: MatchedCitizen | undefined): UnmatchedMessage {
  let model: ReturnType<typeof readCareCommunication> | undefined;
  try {
    model = readCareCommunication(JSON.parse(new TextDecoder().decode(m.payload)));
  } catch {
    model = undefined;
  }
  const patient = model?.patient;
  const identifier = patient?.cpr ? { kind: 'cpr' as const, value: patient.cpr } : patient?.replacementCpr;
  return {
    id: m.id,
    receivedAt: m.createdAt.toISOString(),
    senderName: model?.sender?.name ?? null,
    senderId: m.senderId,
    patientName: patient ? [...patient.given, patient.family ?? ''].join(' ').trim() || null : null,
    patientIdentifier: identifier ? formatCpr(identifier.value) : null,
    patientIdentifierKind: identifier?.kind ?? null,
    category: model?.categoryText?.da ?? model?.category ?? null,
    topic: model?.topic ?? null,
    texts: (model?.payloads ?? []).flatMap((p) => (p.text ? [p.text] : [])),
    attachments: (model?.payloads ?? []).flatMap((p) => (p.attachment ? [p.attachment.title ?? p.attachment.contentType ?? ''] : [])),
    candidateCourses: (candidates?.courses ?? []).map((c) => ({ courseId: c.courseId, citizenName: candidates?.name ?? '', openedOn: c.openedOn, closedOn: c.closedOn })),
  };
}

/** The municipality's citizen the message names by CPR or replacement CPR, with his courses (to place it on one). */
async function candidatesOf(db: Db, municipalityCode: string, m: MessageRecord & { payload: Uint8Array }): Promise<MatchedCitizen | undefined> {
  try {
    const identifiers = (readCareCommunication(JSON.parse(new TextDecoder().decode(m.payload))).patient?.identifiers ?? []).filter((i) => i.kind !== 'other').map((i) => i.value);
    return await findCitizenByIdentifiers(db, municipalityCode, identifiers);
  } catch {
    return undefined;
  }
}

/** How many received messages of the actor's municipality wait to be placed (no citizen named, so not audited but a refusal). */
export async function countUnmatchedMessages(ctx: ServiceContext): Promise<UnmatchedMessageCount> {
  const actor = await requirePlacer(ctx, 'message.unmatched_count');
  return { count: await countUnmatched(ctx.db, actor.municipalityCode) };
}

/** The received messages of the actor's municipality that wait to be placed, oldest first; each shown names a person and is audited. */
export async function listUnmatchedMessages(ctx: ServiceContext): Promise<UnmatchedMessageList> {
  const actor = await requirePlacer(ctx, 'message.unmatched_list');
  return ctx.db.transaction().execute(async (trx) => {
    const messages = (await listUnmatched(trx, actor.municipalityCode, 200)).filter((m) => m.kind === 'care_communication');
    const candidates: (MatchedCitizen | undefined)[] = [];
    for (const m of messages) candidates.push(await candidatesOf(trx, actor.municipalityCode, m));
    if (messages.length > 0) {
      await audit(
        trx,
        ctx,
        messages.map((m, i) => ({ action: 'message.unmatched_list', citizenId: candidates[i]?.citizenId ?? null, entityType: 'message', entityId: m.id, outcome: 'allowed' as const })),
      );
    }
    return { items: messages.map((m, i) => unmatchedOf(m, candidates[i])) };
  });
}

/**
 * A person places an unmatched message on a course of the municipality it came to (a course the
 * person may write): it is accepted there. Audited with the citizen.
 */
export async function placeMessage(ctx: ServiceContext, messageId: string, courseId: string): Promise<MessageSummary> {
  const message = await findMessage(ctx.db, messageId);
  if (!message || message.direction !== 'in') throw AppError.notFound('Message');
  await requirePlacer(ctx, 'message.place', message.municipalityCode);
  const key = await requireCourseAccess(ctx, courseId, 'write', 'message.place');
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const facts = await findCourseFacts(trx, courseId);
      if (!facts || facts.municipalityCode !== message.municipalityCode) {
        throw AppError.validation([{ field: 'courseId', code: 'invalid', message: 'must be a course of the municipality the message came to' }]);
      }
      const placed = await placeIncoming(trx, messageId, { courseId, citizenId: facts.citizenId, at: ctx.clock.now() });
      if (!placed) throw new AppError('conflict', 'The message has been placed already', [{ field: 'messageId', code: 'duplicate', message: 'the message is no longer waiting to be placed' }]);
      await audit(trx, ctx, [{ action: 'message.place', citizenId: key.citizenId, entityType: 'message', entityId: messageId, outcome: 'allowed', detail: { courseId } }]);
      const after = await findMessage(trx, messageId);
      if (!after) throw AppError.notFound('Message');
      return toMessageSummary(after);
    });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'validation' || error.code === 'conflict')) {
      await audit(ctx.db, ctx, [{ action: 'message.place', citizenId: key.citizenId, entityType: 'message', entityId: messageId, outcome: 'denied', detail: { reason: error.code, courseId } }]);
    }
    throw error;
  }
}
