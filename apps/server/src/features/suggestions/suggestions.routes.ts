import { z } from 'zod';
import { apiError, uuid } from '@samkraft/contracts/common';
import { courseSuggestions } from '@samkraft/contracts/suggestions';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { getCourseSuggestions } from './suggestions.service.ts';

export function registerSuggestionRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/courses/:courseId/suggestions', {
    schema: {
      tags: ['suggestions'],
      summary: "Interventions the course's citizen is eligible for, with routed providers, distance, free seats and expected wait",
      params: z.strictObject({ courseId: uuid }),
      response: { 200: courseSuggestions, 400: apiError, 401: apiError, 403: apiError, 404: apiError },
    },
    handler: async (request) => getCourseSuggestions(staffContext(request, deps), request.params.courseId),
  });
}
