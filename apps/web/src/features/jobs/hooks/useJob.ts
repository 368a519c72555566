import type { Job } from '@samkraft/contracts/jobs';
import { skipToken, useMutation, useQuery } from '@tanstack/react-query';
import { fetchJob } from '../api/jobsApi.ts';
import { hasEnded, jobError } from '../utils/jobState.ts';

const POLL_MS = 400;

export type JobRun<R> = {
  /** Starts the work; a new start replaces the one followed before. */
  start: (request: R) => void;
  /** The job followed (undefined before a start). */
  job: Job | undefined;
  /** True from the start until the job has ended. */
  running: boolean;
  /** Why the start was refused, or why the job failed (as the request's error, fields named). */
  error: unknown;
  reset: () => void;
};

/**
 * Long work on the server (a report, an import) as the user sees it: submitted once, then
 * followed by polling `GET /api/jobs/{id}` until it has ended. The result is the caller's to load
 * (`useJobResult`), once the job has succeeded.
 */
export function useJob<R>(submit: (request: R) => Promise<Job>): JobRun<R> {
  const submitted = useMutation({ mutationFn: submit });
  const id = submitted.data?.id;
  const followed = useQuery({
    queryKey: ['job', id],
    queryFn: id === undefined ? skipToken : () => fetchJob(id),
    enabled: id !== undefined,
    initialData: submitted.data,
    initialDataUpdatedAt: 0,
    refetchInterval: (q) => (hasEnded(q.state.data) ? false : POLL_MS),
    retry: false,
  });
  const job = id === undefined ? undefined : followed.data;
  return {
    start: (request) => submitted.mutate(request),
    job,
    running: submitted.isPending || (job !== undefined && !hasEnded(job) && !followed.isError),
    error: submitted.error ?? followed.error ?? (job ? jobError(job) : null),
    reset: () => submitted.reset(),
  };
}

/** A succeeded job's result, loaded once. */
export function useJobResult<T>(job: Job | undefined, load: (id: string) => Promise<T>) {
  return useQuery({ queryKey: ['job-result', job?.id], queryFn: job?.state === 'succeeded' ? () => load(job.id) : skipToken, enabled: job?.state === 'succeeded', staleTime: Infinity, retry: false });
}
