import { citizenSearchBody, citizenSearchResults } from '@samkraft/contracts/citizens';
import { apiError } from '@samkraft/contracts/common';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { searchCitizensFor } from './citizen-search.service.ts';

export function registerCitizenSearchRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.post('/api/citizens/search', {
    schema: {
      tags: ['citizens'],
      summary: 'Find citizens by CPR number or name (in the body, never the URL), within what the actor may see; each one found is audited',
      body: citizenSearchBody,
      response: { 200: citizenSearchResults, 400: apiError, 401: apiError, 403: apiError },
    },
    handler: async (request) => searchCitizensFor(staffContext(request, deps), request.body),
  });
}
