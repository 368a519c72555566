import { apiError } from '@samkraft/contracts/common';
import { myRelatives } from '@samkraft/contracts/relatives';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { citizenContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { getMyRelatives } from './my-relatives.service.ts';

export function registerMyRelativesRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/borger/relatives', {
    schema: { tags: ['borger'], summary: 'The relatives registered on the signed-in citizen’s open courses (read-only)', security: [{ citizenSession: [] }], response: { 200: myRelatives, 401: apiError } },
    handler: async (request) => getMyRelatives(citizenContext(request, deps)),
  });
}
