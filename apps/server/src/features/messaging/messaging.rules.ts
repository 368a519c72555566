import type { MessageState } from '@samkraft/contracts/messaging';

/*
 * MedCom's reliable messaging for the sender (brief: 043_Reliable_Messaging-FHIR): every message
 * asks for an acknowledgement; without one after 30 minutes it MAY be sent again, with a new
 * envelope id and sent time and everything else the same, and MUST NOT be sent more than twice
 * again. After the last resend's 30 minutes the message has failed: a person follows it up.
 */

export const ACKNOWLEDGEMENT_WAIT_MS = 30 * 60_000;
export const MAX_RESENDS = 2;

export type OutboxFacts = { state: MessageState; sends: number; nextSendAt: Date | null };

/** What the outbox does with a message now: nothing yet, its first send, a resend, or give up. */
export type OutboxAction = 'wait' | 'send' | 'resend' | 'give_up';

export function outboxAction(m: OutboxFacts, now: Date): OutboxAction {
  if (m.state === 'queued') return m.nextSendAt === null || m.nextSendAt <= now ? 'send' : 'wait';
  if (m.state !== 'sent' || m.nextSendAt === null || m.nextSendAt > now) return 'wait';
  return m.sends <= MAX_RESENDS ? 'resend' : 'give_up';
}

/** When a message sent at `at` is looked at again if no acknowledgement came. */
export const acknowledgementDueAt = (at: Date): Date => new Date(at.getTime() + ACKNOWLEDGEMENT_WAIT_MS);

/** The reason a message failed for want of an acknowledgement, as stored. */
export const NO_ACKNOWLEDGEMENT = 'no_acknowledgement';
