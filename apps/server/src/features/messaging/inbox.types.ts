import type { MessageFormat, MessageKind, MessageState } from '@samkraft/contracts/messaging';
import type { SystemActor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { ResponseCode } from '../medcom/medcom-terminology.ts';

/** Who receives and sends messages when no person does: the inbox and outbox passes, and the message route. */
export const MESSAGING_SYSTEM: SystemActor = { kind: 'system', name: 'messaging' };

/** Where the messaging module logs: never a CPR number, only ids, codes and reasons. */
export type MessagingLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type InboxDeps = { db: Db; clock: Clock; log?: MessagingLog; requestId?: string };

/** The answer to a received message (an acknowledgement or a receipt), as it goes back. */
export type InboxAnswer = { format: MessageFormat; contentType: string; bytes: Uint8Array; code: ResponseCode | 'positive' | 'negative' };

/**
 * What became of a received file: processed (kept — accepted, unmatched or refused — or, for an
 * acknowledgement, acted on or logged; `answer` is what goes back), or rejected (not a message
 * Samkraft can take or answer: nothing kept, the reason beside the file).
 */
export type InboxResult =
  | { outcome: 'processed'; kind: MessageKind; messageId: string | null; state: MessageState | null; duplicate: boolean; answer: InboxAnswer | null }
  | { outcome: 'rejected'; reason: string; answer?: InboxAnswer | null };
