import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { runEvery, type Periodic } from '../../platform/periodic.ts';
import { runInboxPass, type InboxPassResult } from './inbox.service.ts';
import type { MessagingLog } from './inbox.types.ts';
import type { MessageTransport } from './message-transport.ts';
import { runOutboxPass, type OutboxPassResult } from './outbox.service.ts';

export type MessagingDeps = { db: Db; clock: Clock; transport: MessageTransport; log?: MessagingLog };

/** How often each server instance reads its inbox and writes its outbox, unless configured. */
export const MESSAGING_INTERVAL_MS = 60_000;

/** One inbox pass, then one outbox pass (so the answers to what came in leave in the same round). */
export async function runMessagingPasses(deps: MessagingDeps, limit = 50): Promise<{ inbox: InboxPassResult; outbox: OutboxPassResult }> {
  const inbox = await runInboxPass(deps, limit);
  const outbox = await runOutboxPass(deps, limit);
  return { inbox, outbox };
}

/**
 * The inbox and outbox passes every `intervalMs` until stopped (the app stops them when it
 * closes). An outgoing message is locked by the pass that sends it, but a file-drop folder is read
 * by whoever lists it: with several instances on one folder, let one run the passes
 * (SAMKRAFT_MESSAGES_INTERVAL_MS=0 on the others).
 */
export function startMessaging(deps: MessagingDeps, intervalMs = MESSAGING_INTERVAL_MS): Periodic {
  return runEvery(
    intervalMs,
    () => runMessagingPasses(deps),
    (err) => deps.log?.error({ err: err instanceof Error ? err.message : 'unknown error' }, 'a messaging pass failed'),
  );
}
