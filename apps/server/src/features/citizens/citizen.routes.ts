import { citizenDetail, citizenGpResult, citizenGpUpdate, citizenParams } from '@samkraft/contracts/citizens';
import { apiError } from '@samkraft/contracts/common';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { getCitizen, setCitizenGp } from './citizen.service.ts';

export function registerCitizenRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/citizens/:citizenId', {
    schema: {
      tags: ['citizens'],
      summary: "A citizen's record (home municipality, or a provider the citizen's referral was shared with)",
      params: citizenParams,
      response: { 200: citizenDetail, 400: apiError, 401: apiError, 403: apiError, 404: apiError },
    },
    handler: async (request) => getCitizen(staffContext(request, deps), request.params.citizenId),
  });

  app.put('/api/citizens/:citizenId/gp', {
    schema: {
      tags: ['citizens'],
      summary: "Change the citizen's GP clinic: a known clinic, a new one (name, ydernummer and/or SOR code), or null (audited)",
      params: citizenParams,
      body: citizenGpUpdate,
      response: { 200: citizenGpResult, 400: apiError, 401: apiError, 403: apiError, 404: apiError },
    },
    handler: async (request) => setCitizenGp(staffContext(request, deps), request.params.citizenId, request.body),
  });
}
