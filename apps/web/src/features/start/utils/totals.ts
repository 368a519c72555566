import type { MunicipalityCounts } from '@samkraft/contracts/start';

export type CountTotals = Omit<MunicipalityCounts, 'municipality'>;

/** Column totals of the coordinator's table. */
export function sumMunicipalityCounts(rows: readonly MunicipalityCounts[]): CountTotals {
  return rows.reduce<CountTotals>(
    (sum, r) => ({
      referrals: sum.referrals + r.referrals,
      openCourses: sum.openCourses + r.openCourses,
      referredToOthers: sum.referredToOthers + r.referredToOthers,
      receivedFromOthers: sum.receivedFromOthers + r.receivedFromOthers,
    }),
    { referrals: 0, openCourses: 0, referredToOthers: 0, receivedFromOthers: 0 },
  );
}
