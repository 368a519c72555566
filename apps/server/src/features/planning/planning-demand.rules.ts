import type { ReferralCount } from './planning.repository.ts';

/** Citizens a year from the records: referrals in the period, scaled to 365 days, rounded to 0.1. */
export function demandFromCounts(codes: readonly string[], interventionCodes: readonly string[], counts: readonly ReferralCount[], from: string, to: string): number[][] {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  const perYear = 365 / Math.max(1, days);
  return codes.map((home) => interventionCodes.map((iv) => Math.round(counts.filter((c) => c.home === home && c.interventionCode === iv).reduce((s, c) => s + c.count, 0) * perYear * 10) / 10));
}
