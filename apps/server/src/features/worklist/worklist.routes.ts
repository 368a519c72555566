import { apiError } from '@samkraft/contracts/common';
import { closedCourses, closedCoursesQuery, worklist, worklistQuery } from '@samkraft/contracts/worklist';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { getClosedCourses } from './closed-courses.service.ts';
import { getWorklist } from './worklist.service.ts';

export function registerWorklistRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/worklist', {
    schema: {
      tags: ['worklist'],
      summary: 'Open courses with their next step and deadline, most urgent first',
      querystring: worklistQuery,
      response: { 200: worklist, 400: apiError, 401: apiError, 403: apiError },
    },
    handler: async (request) => getWorklist(staffContext(request, deps), request.query),
  });

  app.get('/api/worklist/closed', {
    schema: {
      tags: ['worklist'],
      summary: "The home municipality's closed courses, the most recently closed first, a page at a time",
      querystring: closedCoursesQuery,
      response: { 200: closedCourses, 400: apiError, 401: apiError, 403: apiError },
    },
    handler: async (request) => getClosedCourses(staffContext(request, deps), request.query),
  });
}
