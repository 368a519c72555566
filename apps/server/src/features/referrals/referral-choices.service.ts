import type { DiagnosisItem, OrganisationItem } from '@samkraft/contracts/referrals';
import type { ServiceContext } from '../../platform/context.ts';
import { listOrganisations } from './organisation.repository.ts';
import { listDiagnoses } from './referral.repository.ts';

// What a referral is registered with: the referring organisations and the diagnoses. Any staff member may read them.

/** Active organisations, by name; `q` finds by part of the name or the start of the ydernummer or SOR code (at most 30 then). */
export async function findOrganisations(ctx: ServiceContext, query: { kind?: OrganisationItem['kind']; q?: string }): Promise<OrganisationItem[]> {
  const records = await listOrganisations(ctx.db, { kind: query.kind, q: query.q });
  return records.map((r) => ({ ...r, kind: r.kind }));
}

export async function diagnosisList(ctx: ServiceContext): Promise<DiagnosisItem[]> {
  return listDiagnoses(ctx.db);
}
