import { z } from 'zod';
import { courseIdParams } from '@samkraft/contracts/assessments';
import { apiError } from '@samkraft/contracts/common';
import { actionPlan, actionPlanCreate, actionPlanDraft, actionPlanOverview, actionPlanVersionParams } from '@samkraft/contracts/plans';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { createPlanVersion, getPlanDraft, getPlanOverview, getPlanPdf, getPlanVersion } from './plan.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

export function registerPlanRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.post('/api/courses/:courseId/action-plans', {
    schema: {
      tags: ['plans'],
      summary: 'Save a new version of the action plan (version 1, or a revision with its reason)',
      params: courseIdParams,
      body: actionPlanCreate,
      response: { 201: actionPlan, ...errors },
    },
    handler: async (request, reply) => {
      const saved = await createPlanVersion(staffContext(request, deps), request.params.courseId, request.body);
      return reply.status(201).send(saved);
    },
  });

  app.get('/api/courses/:courseId/action-plans', {
    schema: { tags: ['plans'], summary: 'The current action plan and its versions', params: courseIdParams, response: { 200: actionPlanOverview, ...errors } },
    handler: async (request) => getPlanOverview(staffContext(request, deps), request.params.courseId),
  });

  app.get('/api/courses/:courseId/action-plans/draft', {
    schema: {
      tags: ['plans'],
      summary: "A new plan's difficulties and needs, drafted from the course's latest needs assessment (edited and saved by the user)",
      params: courseIdParams,
      response: { 200: actionPlanDraft, ...errors },
    },
    handler: async (request) => getPlanDraft(staffContext(request, deps), request.params.courseId),
  });

  app.get('/api/courses/:courseId/action-plans/:version', {
    schema: { tags: ['plans'], summary: 'One version of the action plan', params: actionPlanVersionParams, response: { 200: actionPlan, ...errors } },
    handler: async (request) => getPlanVersion(staffContext(request, deps), request.params.courseId, request.params.version),
  });

  app.get('/api/courses/:courseId/action-plans/:version/pdf', {
    schema: {
      tags: ['plans'],
      summary: "The citizen's Danish copy of one action plan version (PDF)",
      params: actionPlanVersionParams,
      produces: ['application/pdf'],
      response: { 200: z.any().describe('application/pdf'), ...errors },
    },
    handler: async (request, reply) => {
      const { bytes, filename } = await getPlanPdf(staffContext(request, deps), request.params.courseId, request.params.version);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  });
}
