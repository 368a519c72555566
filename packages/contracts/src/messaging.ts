import { z } from 'zod';
import { text } from './common.ts';

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
