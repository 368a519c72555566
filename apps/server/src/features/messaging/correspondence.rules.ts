import type { CorrespondenceActivity, CourseMessage, CourseMessageWrite, NotAddressableReason } from '@samkraft/contracts/messaging';
import type { FieldIssue } from '../../platform/errors.ts';
import type { CareCommunicationModel, MessageAttachment } from '../medcom/carecommunication-reader.ts';
import type { MessageRecord } from './message.repository.ts';
import { toMessageSummary } from './messaging.rules.ts';

/*
 * The course's correspondence (issue 12, CareCommunication in and out): a message as the course
 * page shows it, read from its stored payload, and the checks on a message written from the
 * course before it is built — pure, no I/O.
 */

const activities: Readonly<Record<string, CorrespondenceActivity>> = { 'new-message': 'new', 'reply-message': 'reply', 'forward-message': 'forward' };

const personName = (p: { given: string[]; family: string | undefined } | undefined) => (p ? [...p.given, p.family ?? ''].join(' ').trim() || null : null);

/** Every attachment of the message in payload order: what `index` of a download names. */
export function attachmentsOf(model: CareCommunicationModel | undefined): MessageAttachment[] {
  return (model?.payloads ?? []).flatMap((p) => (p.attachment ? [p.attachment] : []));
}

/**
 * A course message with what its payload says: the organisation on the other side (the sender of
 * a received message, the receiver of a sent one), category, topic, activity, texts, attachments.
 * `model` is undefined for what is not a CareCommunication (an acknowledgement) or cannot be read.
 */
export function toCourseMessage(m: MessageRecord, model: CareCommunicationModel | undefined): CourseMessage {
  const counterpart = m.direction === 'in' ? model?.sender : model?.receiver;
  return {
    ...toMessageSummary(m),
    counterpartName: counterpart?.name ?? null,
    category: model?.category ?? null,
    topic: model?.topic ?? null,
    activity: model?.activity ? (activities[model.activity] ?? null) : null,
    texts: (model?.payloads ?? []).flatMap((p) =>
      p.text === undefined ? [] : [{ text: p.text, date: p.date ?? null, authorName: personName(p.author), organisationName: p.assigner?.name ?? null }],
    ),
    attachments: attachmentsOf(model).map((a, index) => ({ index, title: a.title ?? null, contentType: a.contentType ?? null, size: a.size ?? null, downloadable: a.data !== undefined })),
    canReply: m.direction === 'in' && m.kind === 'care_communication' && m.state === 'accepted' && Boolean(model?.sender?.sor && model.sender.gln),
  };
}

/** What the checks need to know of the message written and its surroundings. */
export type WriteFacts = {
  body: Pick<CourseMessageWrite, 'activity'> & { previousMessageId: string | null; receiverOrganisationId: string | null; category: string | null; topic: string | null; text: string };
  /** Why the municipality cannot send at all (no unit with SOR and GLN, no CPR, no phone), or null. */
  blocked: NotAddressableReason | null;
  /** The earlier message, when one was named: whether it is of this course, received, a CareCommunication. */
  previous: { ofCourse: boolean; direction: 'in' | 'out'; careCommunication: boolean; category: string | undefined; topic: string | undefined; senderAddressable: boolean } | undefined;
  /** The chosen receiver, when one was named: found and active, a kind that takes messages, with SOR and GLN. */
  receiver: { found: boolean; addressable: boolean } | undefined;
};

/** The field issues of a message written from the course (none: it may be built). */
export function checkWrite(f: WriteFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { body } = f;
  if (f.blocked) issues.push({ field: 'receiverOrganisationId', code: 'cannot_send', message: `the municipality cannot send electronically (${f.blocked})`, params: { reason: f.blocked } });
  if (body.activity !== 'new') {
    if (!body.previousMessageId) issues.push({ field: 'previousMessageId', code: 'required', message: `a ${body.activity} names the earlier message` });
    else if (!f.previous || !f.previous.ofCourse || !f.previous.careCommunication || (body.activity === 'reply' && f.previous.direction !== 'in')) {
      issues.push({ field: 'previousMessageId', code: 'not_course_message', message: body.activity === 'reply' ? 'must be a CareCommunication received on this course' : 'must be a CareCommunication of this course' });
    } else if (body.activity === 'reply' && !f.previous.senderAddressable) {
      issues.push({ field: 'previousMessageId', code: 'not_addressable', message: 'the sender of the earlier message has no SOR code and GLN to reply to' });
    }
  }
  if (body.activity === 'reply') {
    if (body.receiverOrganisationId) issues.push({ field: 'receiverOrganisationId', code: 'invalid', message: 'a reply goes to the sender of the earlier message' });
  } else if (!body.receiverOrganisationId) issues.push({ field: 'receiverOrganisationId', code: 'required', message: 'choose the receiver' });
  else if (!f.receiver?.found) issues.push({ field: 'receiverOrganisationId', code: 'unknown_organisation', message: 'must be an active GP clinic or hospital department' });
  else if (!f.receiver.addressable) issues.push({ field: 'receiverOrganisationId', code: 'not_addressable', message: 'the receiver has no SOR code and GLN' });
  const category = body.category ?? f.previous?.category;
  if (!category) issues.push({ field: 'category', code: 'required', message: 'choose the category' });
  if (category === 'other' && !(body.topic ?? f.previous?.topic)) issues.push({ field: 'topic', code: 'required', message: 'is required when the category is other' });
  if (body.text.trim() === '') issues.push({ field: 'text', code: 'required', message: 'is required' });
  return issues;
}
