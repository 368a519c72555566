import { dashboard, settlementBalance, type Dashboard, type DashboardQuery, type SettlementBalance } from '@samkraft/contracts/dashboard';
import { requestJson } from '../../../api/client.ts';

const queryString = (q: DashboardQuery): string => {
  const params = new URLSearchParams({ from: q.from, to: q.to });
  if (q.municipalities) params.set('municipalities', q.municipalities);
  if (q.suppress) params.set('suppress', q.suppress);
  return params.toString();
};

export function fetchDashboard(q: DashboardQuery): Promise<Dashboard> {
  return requestJson(`/api/dashboard?${queryString(q)}`, dashboard);
}

/** The settlement-balance panel's own endpoint: units now, kroner once settlement prices it. */
export function fetchSettlementBalance(q: DashboardQuery): Promise<SettlementBalance> {
  return requestJson(`/api/dashboard/balance?${queryString(q)}`, settlementBalance);
}
