import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { listDeeperAssessments, listProviderGoals, listSentCrossMunicipalIdsOfCitizen } from './provider-inbox.repository.ts';

export type ProviderRecordsOfReferral = {
  crossReferralId: string;
  deeperAssessments: Awaited<ReturnType<typeof listDeeperAssessments>>;
  goals: Awaited<ReturnType<typeof listProviderGoals>>;
};

/**
 * The aktindsigt's part of the providing municipalities' own records: for each referral sent to
 * one, its deeper assessments (with every measurement version) and its goals with the citizen.
 * Only the citizen themself reads them here (their own download; the home municipality may not read
 * a provider's records) — for anyone else `null`. Audited per referral in the read's transaction.
 */
export async function providerRecordsForOwnDownload(ctx: ServiceContext): Promise<ProviderRecordsOfReferral[] | null> {
  const actor = ctx.actor;
  if (actor.kind !== 'citizen') return null;
  return ctx.db.transaction().execute(async (trx) => {
    const ids = await listSentCrossMunicipalIdsOfCitizen(trx, actor.citizenId);
    const records: ProviderRecordsOfReferral[] = [];
    for (const id of ids) records.push({ crossReferralId: id, deeperAssessments: await listDeeperAssessments(trx, id), goals: await listProviderGoals(trx, id) });
    if (ids.length > 0) await audit(trx, ctx, ids.map((id) => ({ action: 'provider_inbox.read', citizenId: actor.citizenId, entityType: 'cross_referral', entityId: id, outcome: 'allowed' as const, detail: { for: 'my_data' } })));
    return records;
  });
}
