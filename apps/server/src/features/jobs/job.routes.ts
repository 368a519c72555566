import { apiError } from '@samkraft/contracts/common';
import { job, jobId } from '@samkraft/contracts/jobs';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import type { JobQueue } from './job.service.ts';

export function registerJobRoutes(app: App, deps: { db: Db; clock: Clock; jobs: JobQueue }): void {
  const { jobs, ...ctxDeps } = deps;
  app.get('/api/jobs/:id', {
    schema: {
      tags: ['jobs'],
      summary: 'A long job (a report, an extract import) its requester follows: state and progress, or why it failed',
      params: jobId,
      response: { 200: job, 400: apiError, 401: apiError, 404: apiError },
    },
    handler: async (request) => jobs.get(staffContext(request, ctxDeps), request.params.id),
  });
}
