import { assessmentItemList, courseIdParams, needsAssessment, needsAssessmentCreate, needsAssessmentList } from '@samkraft/contracts/assessments';
import { apiError } from '@samkraft/contracts/common';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { requireStaff } from '../../platform/http/require-staff.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { createNeedsAssessment, getAssessmentItems, getNeedsAssessments } from './assessment.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

export function registerAssessmentRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/assessment-items', {
    schema: {
      tags: ['assessments'],
      summary: 'The active items of "Støtte til livet med kræft", per area',
      response: { 200: assessmentItemList, 401: apiError },
    },
    handler: async (request) => {
      requireStaff(request);
      return getAssessmentItems(deps);
    },
  });

  app.post('/api/courses/:courseId/needs-assessments', {
    schema: {
      tags: ['assessments'],
      summary: 'Record a needs assessment (initial, change or end) of a course',
      params: courseIdParams,
      body: needsAssessmentCreate,
      response: { 201: needsAssessment, ...errors, 409: apiError },
    },
    handler: async (request, reply) => {
      const ctx = staffContext(request, deps);
      const saved = await createNeedsAssessment(ctx, request.params.courseId, request.body);
      return reply.status(201).send(saved);
    },
  });

  app.get('/api/courses/:courseId/needs-assessments', {
    schema: {
      tags: ['assessments'],
      summary: "A course's needs assessments in order, with the change since the initial one",
      params: courseIdParams,
      response: { 200: needsAssessmentList, ...errors },
    },
    handler: async (request) => getNeedsAssessments(staffContext(request, deps), request.params.courseId),
  });
}

