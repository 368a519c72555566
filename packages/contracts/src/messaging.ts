import { z } from 'zod';
import { careCommunicationCategoryCodes } from './carecommunication-categories.ts';
import { municipalityCode, text } from './common.ts';

/*
 * Messages exchanged with the health system (MedCom FHIR messages and OIOXML letters), as the
 * messaging module's inbox and outbox keep them.
 */

export const messageDirections = ['in', 'out'] as const;
export type MessageDirection = (typeof messageDirections)[number];

/** How a message is written on the wire. */
export const messageFormats = ['fhir_json', 'oioxml'] as const;
export type MessageFormat = (typeof messageFormats)[number];

export const messageKinds = ['care_communication', 'acknowledgement', 'hospital_notification', 'hospital_referral', 'receipt', 'unknown'] as const;
export type MessageKind = (typeof messageKinds)[number];

/**
 * Out: queued (not yet written to the transport) → sent (awaiting its acknowledgement) → delivered
 * (a positive acknowledgement) or failed (a negative one, or none after the last resend).
 * In: accepted (stored where it belongs), unmatched (accepted, waiting for a person to place it),
 * refused (answered with a negative acknowledgement). Acknowledgements and receipts are `sent` once
 * written (none is acknowledged in turn).
 */
export const messageStates = ['queued', 'sent', 'delivered', 'failed', 'accepted', 'unmatched', 'refused'] as const;
export type MessageState = (typeof messageStates)[number];

/** MedCom's acknowledgement codes (http://hl7.org/fhir/response-code), and an OIOXML receipt's. */
export const acknowledgementCodes = ['ok', 'transient-error', 'fatal-error'] as const;
export type AcknowledgementCode = (typeof acknowledgementCodes)[number];

export const messageSummary = z.object({
  id: z.uuid(),
  direction: z.enum(messageDirections),
  format: z.enum(messageFormats),
  kind: z.enum(messageKinds),
  state: z.enum(messageStates),
  /** Why it failed or was refused, in the reader's language where the code is known. */
  reason: text.nullable(),
  senderId: text.nullable(),
  receiverId: text.nullable(),
  sends: z.number().int(),
  createdAt: text,
  sentAt: text.nullable(),
  acknowledgedAt: text.nullable(),
  acknowledgementCode: z.enum(acknowledgementCodes).nullable(),
});
export type MessageSummary = z.infer<typeof messageSummary>;

/** The administrators' view of the inbox and outbox (`GET /api/messages`). */
export const messageListQuery = z.strictObject({
  direction: z.enum(messageDirections).optional(),
  state: z.enum(messageStates).optional(),
  kind: z.enum(messageKinds).optional(),
  municipalityCode: municipalityCode.optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MessageListQuery = z.infer<typeof messageListQuery>;

export const messagePage = z.object({
  items: z.array(messageSummary),
  /** How many match, counted up to 10,000: `totalCapped` says there are more. */
  total: z.number().int(),
  totalCapped: z.boolean(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type MessagePage = z.infer<typeof messagePage>;

/**
 * A received message no course was found for (no citizen of the municipality with its CPR or
 * replacement CPR, or no one open course of his): what a person needs to place it.
 */
export const unmatchedMessage = z.object({
  id: z.uuid(),
  receivedAt: text,
  senderName: text.nullable(),
  senderId: text.nullable(),
  /** The patient as the message names him: his name, and his CPR or replacement CPR (`DDMMYY-XXXX`). */
  patientName: text.nullable(),
  patientIdentifier: text.nullable(),
  patientIdentifierKind: z.enum(['cpr', 'x-ecpr', 'd-ecpr']).nullable(),
  category: text.nullable(),
  topic: text.nullable(),
  /** The message's texts, oldest first (attachments by title only). */
  texts: z.array(text),
  attachments: z.array(text),
  /**
   * The courses of the municipality's citizen whose CPR or replacement CPR the message names, newest
   * first, to place it on (empty when the municipality has no such citizen).
   */
  candidateCourses: z.array(z.object({ courseId: z.uuid(), citizenName: text, openedOn: text, closedOn: text.nullable() })),
});
export type UnmatchedMessage = z.infer<typeof unmatchedMessage>;

export const unmatchedMessageList = z.object({ items: z.array(unmatchedMessage) });
export type UnmatchedMessageList = z.infer<typeof unmatchedMessageList>;

export const messageParams = z.strictObject({ messageId: z.uuid() });

export const placeMessageBody = z.strictObject({ courseId: z.uuid() });
export type PlaceMessageBody = z.infer<typeof placeMessageBody>;

/** How many received messages wait to be placed (the navigation's count). */
export const unmatchedMessageCount = z.object({ count: z.number().int() });
export type UnmatchedMessageCount = z.infer<typeof unmatchedMessageCount>;

/** A CareCommunication's activity (its Provenance): a new message, a reply, a forward. */
export const correspondenceActivities = ['new', 'reply', 'forward'] as const;
export type CorrespondenceActivity = (typeof correspondenceActivities)[number];

/** One text of a message (a payload), oldest first: who wrote it, where and when. */
export const courseMessageText = z.object({ text, date: text.nullable(), authorName: text.nullable(), organisationName: text.nullable() });

/** An attachment of a message; `downloadable` when the message carries its content (earlier attachments in a reply do not). */
export const courseMessageAttachment = z.object({ index: z.number().int(), title: text.nullable(), contentType: text.nullable(), size: z.number().int().nullable(), downloadable: z.boolean() });

/**
 * A message of the course as its correspondence shows it: the summary, the organisation on the
 * other side (the sender of a received message, the receiver of a sent one, by name), and for a
 * CareCommunication its category, topic, activity, texts and attachments. Reading it is audited.
 */
export const courseMessage = messageSummary.extend({
  counterpartName: text.nullable(),
  category: text.nullable(),
  topic: text.nullable(),
  activity: z.enum(correspondenceActivities).nullable(),
  texts: z.array(courseMessageText),
  attachments: z.array(courseMessageAttachment),
  /** A received CareCommunication whose sender has a SOR code and GLN can be answered. */
  canReply: z.boolean(),
});
export type CourseMessage = z.infer<typeof courseMessage>;

export const courseMessageList = z.object({ items: z.array(courseMessage) });
export type CourseMessageList = z.infer<typeof courseMessageList>;

export const courseMessageParams = z.strictObject({ courseId: z.uuid(), messageId: z.uuid() });
export const courseMessageAttachmentParams = z.strictObject({ courseId: z.uuid(), messageId: z.uuid(), index: z.coerce.number().int().min(0).max(99) });

/**
 * A message written from the course: new (to the citizen's GP or a hospital department), a reply
 * to a received message (to its sender), or a forward of a message of the course (to a chosen
 * organisation). Category from MedCom's list; a reply or forward keeps the earlier one's when none
 * is given; the topic is required with category `other`.
 */
export const courseMessageWrite = z.strictObject({
  activity: z.enum(correspondenceActivities),
  previousMessageId: z.uuid().nullable().default(null),
  receiverOrganisationId: z.uuid().nullable().default(null),
  category: z.enum(careCommunicationCategoryCodes).nullable().default(null),
  topic: text.trim().max(200).nullable().default(null),
  /** Required; an empty text is refused with the other fields' issues (the service checks it). */
  text: text.trim().max(30000),
});
export type CourseMessageWrite = z.input<typeof courseMessageWrite>;

/** Why a message cannot go electronically to an organisation, or from the municipality at all. */
export const notAddressableReasons = ['unit_missing', 'not_addressable', 'no_cpr', 'no_phone'] as const;
export type NotAddressableReason = (typeof notAddressableReasons)[number];

export const messageRecipient = z.object({
  organisationId: z.uuid(),
  kind: text,
  name: text,
  parentName: text.nullable(),
  /** It has a SOR code and a GLN: a message can be addressed to it. */
  addressable: z.boolean(),
});
export type MessageRecipient = z.infer<typeof messageRecipient>;

/** Whom the course can write to: the citizen's GP and the hospital departments, and whether the municipality can send at all. */
export const messageRecipients = z.object({
  /** Null when electronic sending is possible; else why not (no unit with SOR and GLN, no CPR, no phone to call back). */
  blocked: z.enum(notAddressableReasons).nullable(),
  gp: messageRecipient.nullable(),
  departments: z.array(messageRecipient),
});
export type MessageRecipients = z.infer<typeof messageRecipients>;
