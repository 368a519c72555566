import { apiError } from '@samkraft/contracts/common';
import { courseParams } from '@samkraft/contracts/courses';
import { courseRelative, courseRelatives, relativeCreate, relativeEnd, relativeParams, relativeUpdate } from '@samkraft/contracts/relatives';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { createRelative, endRelative, getCourseRelatives, updateRelative } from './relative.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

export function registerRelativeRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/courses/:courseId/relatives', {
    schema: { tags: ['relatives'], summary: "The relatives registered on the course (the home municipality's staff; audited)", params: courseParams, response: { 200: courseRelatives, ...errors } },
    handler: async (request) => getCourseRelatives(staffContext(request, deps), request.params.courseId),
  });

  app.post('/api/courses/:courseId/relatives', {
    schema: {
      tags: ['relatives'],
      summary: "Register a relative on the course with the citizen's consent (to take part; to share the name with the providing municipality)",
      params: courseParams,
      body: relativeCreate,
      response: { 201: courseRelative, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await createRelative(staffContext(request, deps), request.params.courseId, request.body)),
  });

  app.put('/api/courses/:courseId/relatives/:relativeId', {
    schema: { tags: ['relatives'], summary: "Change a relative's details or the citizen's consents", params: relativeParams, body: relativeUpdate, response: { 200: courseRelative, ...errors } },
    handler: async (request) => updateRelative(staffContext(request, deps), request.params.courseId, request.params.relativeId, request.body),
  });

  app.post('/api/courses/:courseId/relatives/:relativeId/end', {
    schema: { tags: ['relatives'], summary: "End a relative's registration on the course", params: relativeParams, body: relativeEnd, response: { 200: courseRelative, ...errors } },
    handler: async (request) => endRelative(staffContext(request, deps), request.params.courseId, request.params.relativeId, request.body),
  });
}
