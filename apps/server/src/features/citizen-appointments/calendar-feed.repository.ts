import type { Db } from '../../platform/database/database.ts';

export async function findFeedOf(db: Db, citizenId: string): Promise<{ createdAt: Date } | undefined> {
  const r = await db.selectFrom('citizen_calendar_feed').select('created_at').where('citizen_id', '=', citizenId).executeTakeFirst();
  return r && { createdAt: new Date(r.created_at) };
}

export async function findFeedByTokenHash(db: Db, tokenHash: string): Promise<{ citizenId: string } | undefined> {
  const r = await db.selectFrom('citizen_calendar_feed').select('citizen_id').where('token_hash', '=', tokenHash).executeTakeFirst();
  return r && { citizenId: r.citizen_id };
}

/** Turns the feed on, or renews it: the old token stops working in the same statement. */
export async function saveFeed(db: Db, citizenId: string, tokenHash: string, at: Date): Promise<void> {
  await db
    .insertInto('citizen_calendar_feed')
    .values({ citizen_id: citizenId, token_hash: tokenHash, created_at: at })
    .onConflict((oc) => oc.column('citizen_id').doUpdateSet({ token_hash: tokenHash, created_at: at }))
    .execute();
}

export async function deleteFeed(db: Db, citizenId: string): Promise<number> {
  const r = await db.deleteFrom('citizen_calendar_feed').where('citizen_id', '=', citizenId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
