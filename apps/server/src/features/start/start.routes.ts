import { apiError } from '@samkraft/contracts/common';
import { startPage, startQuery } from '@samkraft/contracts/start';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { getStartPage } from './start.service.ts';

export function registerStartRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/start', {
    schema: {
      tags: ['start'],
      summary: "The start page for one of the user's roles",
      querystring: startQuery,
      response: { 200: startPage, 400: apiError, 401: apiError, 403: apiError },
    },
    handler: async (request) => getStartPage(staffContext(request, deps), request.query.role),
  });
}
