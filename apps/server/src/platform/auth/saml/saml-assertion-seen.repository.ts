import type { Db } from '../../database/database.ts';

/**
 * `saml_assertion_seen`, owned by this platform module: every SAML service provider (staff and
 * citizens) records the assertions it accepted here, so each serves once across instances.
 */

/** Records an assertion's use; false when it was used before (a replay). */
export async function markAssertionSeen(db: Db, assertionId: string, provider: string, expiresAt: Date): Promise<boolean> {
  const r = await db
    .insertInto('saml_assertion_seen')
    .values({ assertion_id: assertionId, provider, expires_at: expiresAt })
    .onConflict((oc) => oc.column('assertion_id').doNothing())
    .returning('assertion_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Seen assertions past their time (index on expires_at): a replay of them fails on its times anyway. */
export async function deleteExpiredAssertionsSeen(db: Db, expiredBy: Date): Promise<number> {
  const r = await db.deleteFrom('saml_assertion_seen').where('expires_at', '<=', expiredBy).executeTakeFirst();
  return Number(r.numDeletedRows);
}
