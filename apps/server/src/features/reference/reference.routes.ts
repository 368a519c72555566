import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import { municipality } from '@samkraft/contracts/reference';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { requireStaff } from '../../platform/http/require-staff.ts';
import { listMunicipalities } from './reference.repository.ts';

export function registerReferenceRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/municipalities', {
    schema: {
      tags: ['reference'],
      summary: 'Municipalities (all Danish ones, or the collaboration members)',
      querystring: z.strictObject({ members: z.enum(['true', 'false']).default('true') }),
      response: { 200: z.array(municipality), 400: apiError, 401: apiError },
    },
    handler: async (request) => {
      requireStaff(request);
      const rows = await listMunicipalities(deps.db, request.query.members === 'true');
      const collator = new Intl.Collator('da');
      return rows
        .map((r) => ({ code: r.code, name: r.name, isMember: r.is_member, lat: r.lat, lon: r.lon }))
        .sort((a, b) => collator.compare(a.name, b.name));
    },
  });
}
