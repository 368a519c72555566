import type { Job } from '@samkraft/contracts/jobs';
import { ApiRequestError } from '../../../api/apiRequestError.ts';

export const hasEnded = (job: Pick<Job, 'state'> | undefined): boolean => job?.state === 'succeeded' || job?.state === 'failed';

/** A failed job's reason as the error the same request would have thrown (status by its code). */
export function jobError(job: Job): ApiRequestError | null {
  if (job.state !== 'failed' || !job.error) return null;
  const status: Record<string, number> = { validation: 400, forbidden: 403, not_found: 404, conflict: 409, unavailable: 503 };
  return new ApiRequestError(status[job.error.code] ?? 500, job.error.code, job.error.message, job.error.fields);
}

/** Per cent done, or null while the work has not said how much there is. */
export function percentDone(job: Pick<Job, 'progress' | 'state'>): number | null {
  if (job.state === 'succeeded') return 100;
  const { done, total } = job.progress;
  return total > 0 ? Math.round((Math.min(done, total) / total) * 100) : null;
}
