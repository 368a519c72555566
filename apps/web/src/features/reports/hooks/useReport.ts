import { useQuery } from '@tanstack/react-query';
import { useJob, useJobResult } from '../../jobs/hooks/useJob.ts';
import { fetchJobReport, fetchMemberMunicipalities, startReportJob } from '../api/reportsApi.ts';

/** The report asked for last: computed as a job, followed until it is done, then loaded. */
export function useReport() {
  const run = useJob(startReportJob);
  const report = useJobResult(run.job, fetchJobReport);
  return { run, report };
}

export function useMemberMunicipalities(enabled: boolean) {
  return useQuery({ queryKey: ['municipalities', 'members'], queryFn: fetchMemberMunicipalities, enabled, staleTime: 5 * 60_000 });
}
