import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import { municipality } from '@samkraft/contracts/reference';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { municipalityList } from './reference.service.ts';

export function registerReferenceRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/municipalities', {
    schema: {
      tags: ['reference'],
      summary: 'Municipalities (all Danish ones, or the collaboration members)',
      querystring: z.strictObject({ members: z.enum(['true', 'false']).default('true') }),
      response: { 200: z.array(municipality), 400: apiError, 401: apiError },
    },
    handler: async (request) => municipalityList(staffContext(request, deps), { membersOnly: request.query.members === 'true' }),
  });
}
