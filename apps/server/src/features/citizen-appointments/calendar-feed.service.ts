import { createHash, randomBytes } from 'node:crypto';
import type { CalendarFeedCreated, CalendarFeedStatus } from '@samkraft/contracts/appointments';
import { audit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { CitizenContext } from '../../platform/http/service-context.ts';
import { buildCalendar } from './appointment-calendar.rules.ts';
import { calendarItems, readOwnAppointments } from './appointments.service.ts';
import { deleteFeed, findFeedByTokenHash, findFeedOf, saveFeed } from './calendar-feed.repository.ts';

/** The feed's path on this server; the token is its only secret. */
export const feedPath = (token: string) => `/api/calendar-feed/${token}/samkraft.ics`;

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
/** 32 random bytes, base64url: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export async function getCalendarFeedStatus(ctx: CitizenContext): Promise<CalendarFeedStatus> {
  const feed = await findFeedOf(ctx.db, ctx.actor.citizenId);
  return { enabled: feed !== undefined, createdAt: feed?.createdAt.toISOString() ?? null };
}

/**
 * Turns the citizen's calendar feed on, or renews it (the old link stops working): a new random
 * token, of which only the SHA-256 is kept, so the link is shown this once. Audited.
 */
export async function createCalendarFeed(ctx: CitizenContext): Promise<CalendarFeedCreated> {
  const token = randomBytes(32).toString('base64url');
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const renewed = (await findFeedOf(trx, ctx.actor.citizenId)) !== undefined;
    await saveFeed(trx, ctx.actor.citizenId, hashOf(token), at);
    await audit(trx, ctx, [{ action: 'citizen_appointments.feed_on', citizenId: ctx.actor.citizenId, entityType: 'citizen', entityId: ctx.actor.citizenId, outcome: 'allowed', detail: { renewed } }]);
  });
  return { path: feedPath(token), createdAt: at.toISOString() };
}

/** Turns the feed off: its link answers 404 from now on. Audited. */
export async function revokeCalendarFeed(ctx: CitizenContext): Promise<CalendarFeedStatus> {
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await deleteFeed(trx, ctx.actor.citizenId);
    await audit(trx, ctx, [{ action: 'citizen_appointments.feed_off', citizenId: ctx.actor.citizenId, entityType: 'citizen', entityId: ctx.actor.citizenId, outcome: 'allowed', detail: { removed } }]);
  });
  return { enabled: false, createdAt: null };
}

/**
 * The feed a phone's calendar subscribes to, without a session: the token in the URL names the
 * citizen (unknown, malformed or revoked: 404). A read of the citizen's data with the citizen as
 * the actor (it is their link), audited; the events say only "Holdtræning – Samkraft", the time
 * and the address.
 */
export async function readCalendarFeed(deps: { db: Db; clock: Clock; requestId: string }, token: string): Promise<string> {
  const feed = TOKEN_SHAPE.test(token) ? await findFeedByTokenHash(deps.db, hashOf(token)) : undefined;
  if (!feed) throw AppError.notFound('Calendar');
  const ctx = { db: deps.db, clock: deps.clock, requestId: deps.requestId, actor: { kind: 'citizen' as const, citizenId: feed.citizenId } };
  const records = await readOwnAppointments(ctx, 'citizen_appointments.read', { via: 'calendar_feed' });
  return buildCalendar(calendarItems(records), { detail: 'minimal', now: deps.clock.now() });
}
