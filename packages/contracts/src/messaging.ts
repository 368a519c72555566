import { z } from 'zod';
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
  total: z.number().int(),
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
});
export type UnmatchedMessage = z.infer<typeof unmatchedMessage>;

export const unmatchedMessageList = z.object({ items: z.array(unmatchedMessage) });
export type UnmatchedMessageList = z.infer<typeof unmatchedMessageList>;

export const messageParams = z.strictObject({ messageId: z.uuid() });

export const placeMessageBody = z.strictObject({ courseId: z.uuid() });
export type PlaceMessageBody = z.infer<typeof placeMessageBody>;

export const courseMessageList = z.object({ items: z.array(messageSummary) });
export type CourseMessageList = z.infer<typeof courseMessageList>;
