import { apiError } from '@samkraft/contracts/common';
import { relativeAttendanceBody, sessionRelativeParams, sessionRelatives } from '@samkraft/contracts/relatives';
import { sessionParams } from '@samkraft/contracts/teams';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { getSessionRelatives, recordRelativeAttendance } from '../teams/relative-attendance.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

export function registerRelativeAttendanceRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/team-sessions/:sessionId/relatives', {
    schema: {
      tags: ['attendance'],
      summary: "The participants' relatives on a session's list: only those of a referral sent to the team's municipality, with the citizen's consent to share the name",
      params: sessionParams,
      response: { 200: sessionRelatives, ...errors },
    },
    handler: async (request) => getSessionRelatives(staffContext(request, deps), request.params.sessionId),
  });

  app.put('/api/team-sessions/:sessionId/relatives/:relativeId', {
    schema: {
      tags: ['attendance'],
      summary: 'Tick (or untick) "pårørende deltog": recorded apart from the citizen\'s attendance, never using the citizen\'s quota',
      params: sessionRelativeParams,
      body: relativeAttendanceBody,
      response: { 200: sessionRelatives, ...errors },
    },
    handler: async (request) => recordRelativeAttendance(staffContext(request, deps), request.params.sessionId, request.params.relativeId, request.body),
  });
}
