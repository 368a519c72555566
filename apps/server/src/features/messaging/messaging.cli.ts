import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { fileDropTransport } from './file-drop.transport.ts';
import type { MessagingLog } from './inbox.types.ts';
import { runMessagingPasses } from './messaging-runner.ts';

/** `npm run cli -- messages`: one inbox pass and one outbox pass over the file drop, as the server's timer runs them. */
export async function messagesCommand(db: Db, o: { dir: string; clock: Clock; log: MessagingLog }): Promise<string[]> {
  const { inbox, outbox } = await runMessagingPasses({ db, clock: o.clock, transport: fileDropTransport(o.dir), log: o.log }, 1000);
  return [
    `inbox (${o.dir}/in): ${inbox.processed} processed, ${inbox.rejected} rejected, ${inbox.failed} failed (left in the inbox)`,
    `outbox (${o.dir}/out): ${outbox.sent} sent, ${outbox.resent} sent again, ${outbox.failed} failed without acknowledgement, ${outbox.errors} errors (left in the outbox)`,
  ];
}
