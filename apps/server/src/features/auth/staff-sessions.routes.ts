import { z } from 'zod';
import { endedSessions, staffSessionList, staffUserOverviewList } from '@samkraft/contracts/auth';
import { apiError } from '@samkraft/contracts/common';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { requireStaff } from '../../platform/http/require-staff.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { endMyOtherSessions, endMySession, endSessionsOfStaff, listMySessions, listSessionsOfStaff, listStaffOverview } from './staff-sessions.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };
const noBody = z.strictObject({}).nullish();

export function registerStaffSessionRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: Parameters<typeof staffContext>[0]) => staffContext(request, deps);
  /** The session the request came with (requireStaff has made sure there is one). */
  const currentTokenHash = (request: Parameters<typeof staffContext>[0]) => {
    requireStaff(request);
    return request.auth!.tokenHash;
  };

  app.get('/api/me/sessions', {
    schema: { tags: ['auth'], summary: "The signed-in user's open sessions, the current one marked", response: { 200: staffSessionList, ...errors } },
    handler: async (request) => listMySessions(ctx(request), currentTokenHash(request)),
  });

  app.post('/api/me/sessions/:sessionId/end', {
    schema: { tags: ['auth'], summary: 'End one of your own sessions', params: z.strictObject({ sessionId: z.uuid() }), body: noBody, response: { 200: endedSessions, ...errors } },
    handler: async (request) => endMySession(ctx(request), request.params.sessionId),
  });

  app.post('/api/me/sessions/end-others', {
    schema: { tags: ['auth'], summary: 'End all your sessions but this one', body: noBody, response: { 200: endedSessions, ...errors } },
    handler: async (request) => endMyOtherSessions(ctx(request), currentTokenHash(request)),
  });

  app.get('/api/admin/staff-users', {
    schema: { tags: ['auth'], summary: "The administrator's municipality's staff with their open sessions (administrators)", response: { 200: staffUserOverviewList, ...errors } },
    handler: async (request) => listStaffOverview(ctx(request)),
  });

  app.get('/api/admin/staff-users/:userId/sessions', {
    schema: { tags: ['auth'], summary: "A staff member's open sessions (their municipality's administrators)", params: z.strictObject({ userId: z.uuid() }), response: { 200: staffSessionList, ...errors } },
    handler: async (request) => listSessionsOfStaff(ctx(request), request.params.userId),
  });

  app.post('/api/admin/staff-users/:userId/sessions/end', {
    schema: { tags: ['auth'], summary: "End every session of a staff member (their municipality's administrators)", params: z.strictObject({ userId: z.uuid() }), body: noBody, response: { 200: endedSessions, ...errors } },
    handler: async (request) => endSessionsOfStaff(ctx(request), request.params.userId),
  });
}
