import type { DiagnosisItem } from '@samkraft/contracts/referrals';
import type { ServiceContext } from '../../platform/context.ts';
import { listDiagnoses } from './referral.repository.ts';

// What a referral is registered with besides its organisation (features/organisations): the diagnoses. Any staff member may read them.

export async function diagnosisList(ctx: ServiceContext): Promise<DiagnosisItem[]> {
  return listDiagnoses(ctx.db);
}
