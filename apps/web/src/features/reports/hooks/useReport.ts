import type { ReportQuery } from '@samkraft/contracts/reports';
import { useQuery } from '@tanstack/react-query';
import { fetchMemberMunicipalities, fetchReport } from '../api/reportsApi.ts';

/** The report for the query last asked for; nothing is fetched before the user asks. */
export function useReport(query: ReportQuery | null) {
  return useQuery({ queryKey: ['report', query], queryFn: () => fetchReport(query as ReportQuery), enabled: query !== null, retry: false });
}

export function useMemberMunicipalities(enabled: boolean) {
  return useQuery({ queryKey: ['municipalities', 'members'], queryFn: fetchMemberMunicipalities, enabled, staleTime: 5 * 60_000 });
}
