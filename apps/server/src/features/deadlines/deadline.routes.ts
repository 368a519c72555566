import { apiError } from '@samkraft/contracts/common';
import {
  courseDeadlines,
  courseDeadlinesParams,
  deadlinePause,
  deadlinePauseBody,
  deadlinePauseParams,
  deadlinePolicies,
  deadlinePolicy,
  deadlinePolicyBody,
  deadlineResumeBody,
} from '@samkraft/contracts/deadlines';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { pauseDeadline, resumeDeadlinePause } from './deadline-pause.service.ts';
import { createDeadlinePolicy, listDeadlinePolicies } from './deadline-policy.service.ts';
import { getCourseDeadlines } from './deadline.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

export function registerDeadlineRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/courses/:courseId/deadlines', {
    schema: {
      tags: ['deadlines'],
      summary: "A course's deadlines, derived from its events, with their states today",
      params: courseDeadlinesParams,
      response: { 200: courseDeadlines, ...errors },
    },
    handler: async (request) => getCourseDeadlines(staffContext(request, deps), request.params.courseId),
  });

  app.post('/api/courses/:courseId/deadline-pauses', {
    schema: {
      tags: ['deadlines'],
      summary: "Pause a deadline's clock (the citizen's wish, a hospital admission, other)",
      params: courseDeadlinesParams,
      body: deadlinePauseBody,
      response: { 201: deadlinePause, ...errors },
    },
    handler: async (request, reply) => {
      const pause = await pauseDeadline(staffContext(request, deps), request.params.courseId, request.body);
      return reply.status(201).send(pause);
    },
  });

  app.post('/api/deadline-pauses/:pauseId/resume', {
    schema: {
      tags: ['deadlines'],
      summary: 'Resume a paused deadline',
      params: deadlinePauseParams,
      body: deadlineResumeBody,
      response: { 200: deadlinePause, ...errors },
    },
    handler: async (request) => resumeDeadlinePause(staffContext(request, deps), request.params.pauseId, request.body),
  });

  app.get('/api/deadline-policies', {
    schema: {
      tags: ['deadlines'],
      summary: 'The deadline policies, effective-dated',
      response: { 200: deadlinePolicies, 401: apiError },
    },
    handler: async (request) => listDeadlinePolicies(staffContext(request, deps)),
  });

  app.post('/api/deadline-policies', {
    schema: {
      tags: ['deadlines'],
      summary: 'Add a deadline policy from a date (administrators); clocks started before it keep theirs',
      body: deadlinePolicyBody,
      response: { 201: deadlinePolicy, ...errors },
    },
    handler: async (request, reply) => {
      const policy = await createDeadlinePolicy(staffContext(request, deps), request.body);
      return reply.status(201).send(policy);
    },
  });
}
