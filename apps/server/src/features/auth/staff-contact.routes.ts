import { myContactBody, myContactDetails, unitPhoneBody } from '@samkraft/contracts/auth';
import { apiError } from '@samkraft/contracts/common';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { getMyContactDetails, setMyContactDetails, setUnitPhone } from './staff-contact.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

export function registerStaffContactRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: Parameters<typeof staffContext>[0]) => staffContext(request, deps);

  app.get('/api/me/contact', {
    schema: { tags: ['auth'], summary: "The signed-in user's work phone and e-mail, and the municipality's unit phone", response: { 200: myContactDetails, ...errors } },
    handler: async (request) => getMyContactDetails(ctx(request)),
  });

  app.put('/api/me/contact', {
    schema: { tags: ['auth'], summary: 'Keep your own work phone and e-mail (printed in letters, shown to providers)', body: myContactBody, response: { 200: myContactDetails, ...errors } },
    handler: async (request) => setMyContactDetails(ctx(request), request.body),
  });

  app.put('/api/me/municipality/unit-phone', {
    schema: { tags: ['auth'], summary: "Keep the municipality's rehabilitation unit phone (administrators and leads)", body: unitPhoneBody, response: { 200: myContactDetails, ...errors } },
    handler: async (request) => setUnitPhone(ctx(request), request.body.unitPhone),
  });
}
