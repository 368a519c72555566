import { job, type Job } from '@samkraft/contracts/jobs';
import { requestJson } from '../../../api/client.ts';

export function fetchJob(id: string): Promise<Job> {
  return requestJson(`/api/jobs/${encodeURIComponent(id)}`, job);
}
