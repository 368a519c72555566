import type { DashboardQuery } from '@samkraft/contracts/dashboard';
import { useQuery } from '@tanstack/react-query';
import { fetchDashboard, fetchSettlementBalance } from '../api/dashboardApi.ts';

export function useDashboard(q: DashboardQuery) {
  return useQuery({ queryKey: ['dashboard', q], queryFn: () => fetchDashboard(q), staleTime: 60_000 });
}

export function useSettlementBalance(q: DashboardQuery) {
  return useQuery({ queryKey: ['dashboard', 'balance', q], queryFn: () => fetchSettlementBalance(q), staleTime: 60_000 });
}
