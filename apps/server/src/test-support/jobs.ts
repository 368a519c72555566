import type { Job } from '@samkraft/contracts/jobs';
import type { App } from '../platform/http/types.ts';

/** Polls `GET /api/jobs/{id}` as a browser would, until the job has ended (or `timeoutMs` passes). */
export async function awaitJobEnd(app: App, headers: Record<string, string>, id: string, timeoutMs = 30_000): Promise<{ job: Job; seen: Job[] }> {
  const seen: Job[] = [];
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers });
    if (res.statusCode !== 200) throw new Error(`GET /api/jobs/${id}: ${res.statusCode} ${res.body}`);
    const job = res.json<Job>();
    seen.push(job);
    if (job.state === 'succeeded' || job.state === 'failed') return { job, seen };
    if (Date.now() > until) throw new Error(`job ${id} still ${job.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
