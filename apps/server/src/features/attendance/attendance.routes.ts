import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import { attendanceRecord, sessionDetail, sessionParams } from '@samkraft/contracts/teams';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { getSession, recordAttendance } from '../teams/attendance.service.ts';
import { getTeamListPdf } from '../teams/team-list.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

export function registerAttendanceRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/team-sessions/:sessionId', {
    schema: { tags: ['attendance'], summary: "A session's attendance list: each participant with their mark and count against the quota", params: sessionParams, response: { 200: sessionDetail, ...errors } },
    handler: async (request) => getSession(staffContext(request, deps), request.params.sessionId),
  });

  app.put('/api/team-sessions/:sessionId/attendance', {
    schema: {
      tags: ['attendance'],
      summary: 'Mark one participant attended, cancelled (with reason) or no-show; the quota reached ends the enrolment',
      params: sessionParams,
      body: attendanceRecord,
      response: { 200: sessionDetail, ...errors },
    },
    handler: async (request) => recordAttendance(staffContext(request, deps), request.params.sessionId, request.body),
  });

  app.get('/api/team-sessions/:sessionId/team-list.pdf', {
    schema: {
      tags: ['attendance'],
      summary: "The session's printable team list (PDF, Danish, A4): names, session of quota, boxes to tick and a signature line; no CPR numbers",
      params: sessionParams,
      produces: ['application/pdf'],
      response: { 200: z.any().describe('application/pdf'), ...errors },
    },
    handler: async (request, reply) => {
      const { bytes, filename } = await getTeamListPdf(staffContext(request, deps), request.params.sessionId);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).header('cache-control', 'no-store').send(bytes);
    },
  });
}
