import { apiError } from '@samkraft/contracts/common';
import {
  enrolment,
  enrolmentAdmit,
  enrolmentCreate,
  enrolmentEnd,
  enrolmentParams,
  sessionCancel,
  sessionGenerate,
  sessionGenerateResult,
  sessionParams,
  teamCreate,
  teamDetail,
  teamList,
  teamParams,
  teamSession,
  teamSummary,
  teamUpdate,
} from '@samkraft/contracts/teams';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { admitFromWaitingList, endEnrolmentEarly, enrol } from './enrolment.service.ts';
import { cancelTeamSession, reinstateTeamSession } from './session.service.ts';
import { createTeam, generateSessions, getTeam, getTeams, updateTeam } from './team.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

export function registerTeamRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/teams', {
    schema: { tags: ['teams'], summary: "The teams of the actor's municipality and the offerings it hosts", response: { 200: teamList, ...errors } },
    handler: async (request) => getTeams(staffContext(request, deps)),
  });

  app.post('/api/teams', {
    schema: { tags: ['teams'], summary: 'Create a team of a hosted offering with its weekly schedule', body: teamCreate, response: { 201: teamSummary, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await createTeam(staffContext(request, deps), request.body)),
  });

  app.get('/api/teams/:teamId', {
    schema: { tags: ['teams'], summary: 'A team: participants with counts against quota, waiting list, sessions, referrals to enrol', params: teamParams, response: { 200: teamDetail, ...errors } },
    handler: async (request) => getTeam(staffContext(request, deps), request.params.teamId),
  });

  app.patch('/api/teams/:teamId', {
    schema: { tags: ['teams'], summary: "Change a team's seats; added seats go to the waiting list at once", params: teamParams, body: teamUpdate, response: { 200: teamSummary, ...errors } },
    handler: async (request) => updateTeam(staffContext(request, deps), request.params.teamId, request.body),
  });

  app.post('/api/team-sessions/:sessionId/cancel', {
    schema: { tags: ['teams'], summary: 'Cancel one session with a reason; it uses nobody\'s quota', params: sessionParams, body: sessionCancel, response: { 200: teamSession, ...errors } },
    handler: async (request) => cancelTeamSession(staffContext(request, deps), request.params.sessionId, request.body),
  });

  app.post('/api/team-sessions/:sessionId/reinstate', {
    schema: { tags: ['teams'], summary: 'Reinstate a session cancelled by mistake (only without attendance)', params: sessionParams, response: { 200: teamSession, ...errors } },
    handler: async (request) => reinstateTeamSession(staffContext(request, deps), request.params.sessionId),
  });

  app.post('/api/teams/:teamId/sessions/generate', {
    schema: {
      tags: ['teams'],
      summary: "Generate sessions from the schedule for a period, skipping public holidays and the host's closing days",
      params: teamParams,
      body: sessionGenerate,
      response: { 200: sessionGenerateResult, ...errors },
    },
    handler: async (request) => generateSessions(staffContext(request, deps), request.params.teamId, request.body),
  });

  app.post('/api/teams/:teamId/enrolments', {
    schema: {
      tags: ['teams'],
      summary: 'Enrol an accepted referral from a start date (rolling admission); a full team puts it on the waiting list',
      params: teamParams,
      body: enrolmentCreate,
      response: { 201: enrolment, ...errors, 409: apiError },
    },
    handler: async (request, reply) => reply.status(201).send(await enrol(staffContext(request, deps), request.params.teamId, request.body)),
  });

  app.post('/api/enrolments/:enrolmentId/admit', {
    schema: { tags: ['teams'], summary: 'Admit a citizen from the waiting list to a free seat', params: enrolmentParams, body: enrolmentAdmit, response: { 200: enrolment, ...errors, 409: apiError } },
    handler: async (request) => admitFromWaitingList(staffContext(request, deps), request.params.enrolmentId, request.body.startOn),
  });

  app.post('/api/enrolments/:enrolmentId/end', {
    schema: { tags: ['teams'], summary: 'End an enrolment before its quota, with a reason', params: enrolmentParams, body: enrolmentEnd, response: { 200: enrolment, ...errors, 409: apiError } },
    handler: async (request) => endEnrolmentEarly(staffContext(request, deps), request.params.enrolmentId, request.body),
  });
}
