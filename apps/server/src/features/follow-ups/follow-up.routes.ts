import { courseIdParams } from '@samkraft/contracts/assessments';
import { apiError } from '@samkraft/contracts/common';
import { followUp, followUpHeld, followUpList, followUpParams, followUpSchedule, vulnerableParams, vulnerableResult, vulnerableUpdate } from '@samkraft/contracts/follow-ups';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { getFollowUps, recordFollowUpHeld, scheduleFollowUp, setVulnerable } from './follow-up.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

export function registerFollowUpRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.post('/api/courses/:courseId/follow-ups', {
    schema: { tags: ['follow-ups'], summary: 'Schedule a follow-up conversation', params: courseIdParams, body: followUpSchedule, response: { 201: followUp, ...errors } },
    handler: async (request, reply) => {
      const saved = await scheduleFollowUp(staffContext(request, deps), request.params.courseId, request.body.plannedOn);
      return reply.status(201).send(saved);
    },
  });

  app.post('/api/follow-ups/:followUpId/held', {
    schema: {
      tags: ['follow-ups'],
      summary: 'Record a scheduled follow-up conversation as held',
      params: followUpParams,
      body: followUpHeld,
      response: { 200: followUp, ...errors, 409: apiError },
    },
    handler: async (request) => recordFollowUpHeld(staffContext(request, deps), request.params.followUpId, request.body),
  });

  app.get('/api/courses/:courseId/follow-ups', {
    schema: {
      tags: ['follow-ups'],
      summary: "A course's follow-ups, the citizen's vulnerable flag and the suggested next date",
      params: courseIdParams,
      response: { 200: followUpList, ...errors },
    },
    handler: async (request) => getFollowUps(staffContext(request, deps), request.params.courseId),
  });

  app.put('/api/citizens/:citizenId/vulnerable', {
    schema: {
      tags: ['follow-ups'],
      summary: 'Flag or unflag a citizen as particularly vulnerable (closer follow-up, note §12.2)',
      params: vulnerableParams,
      body: vulnerableUpdate,
      response: { 200: vulnerableResult, ...errors },
    },
    handler: async (request) => setVulnerable(staffContext(request, deps), request.params.citizenId, request.body),
  });
}
