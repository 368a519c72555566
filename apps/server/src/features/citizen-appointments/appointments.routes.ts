import { z } from 'zod';
import { appointmentCancel, appointmentParams, calendarFeedCreated, calendarFeedParams, calendarFeedStatus, myAppointment, myAppointments } from '@samkraft/contracts/appointments';
import { apiError } from '@samkraft/contracts/common';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { citizenContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { cancelMyAppointment, getMyAppointments, getMyCalendarFile } from './appointments.service.ts';
import { createCalendarFeed, getCalendarFeedStatus, readCalendarFeed, revokeCalendarFeed } from './calendar-feed.service.ts';

const citizen = [{ citizenSession: [] }];
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const ICS = 'text/calendar; charset=utf-8';

/** Per client address: a phone's calendar re-reads a feed every hour or so; anything faster is not a calendar. */
export const CALENDAR_FEED_LIMIT_PER_MINUTE = 30;

export function registerAppointmentRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/borger/appointments', {
    schema: { tags: ['borger'], summary: 'The signed-in citizen’s team sessions: upcoming and the last 30 days, with place, time, own attendance and whether they may still cancel', security: citizen, response: { 200: myAppointments, ...errors } },
    handler: async (request) => getMyAppointments(citizenContext(request, deps)),
  });

  app.post('/api/borger/appointments/:sessionId/cancel', {
    schema: {
      tags: ['borger'],
      summary: 'The citizen cancels one of their own upcoming sessions with a reason, until the team’s cut-off; it uses no session of the quota',
      security: citizen,
      params: appointmentParams,
      body: appointmentCancel,
      response: { 200: myAppointment, ...errors },
    },
    handler: async (request) => cancelMyAppointment(citizenContext(request, deps), request.params.sessionId, request.body),
  });

  app.get('/api/borger/appointments/calendar.ics', {
    schema: { tags: ['borger'], summary: 'The citizen’s sessions as an iCalendar file to open in a calendar (one-off download)', security: citizen, produces: ['text/calendar'], response: { 200: z.any().describe('text/calendar'), ...errors } },
    handler: async (request, reply) => {
      const body = await getMyCalendarFile(citizenContext(request, deps));
      return reply.type(ICS).header('content-disposition', 'attachment; filename="samkraft-aftaler.ics"').header('cache-control', 'no-store').send(body);
    },
  });

  app.get('/api/borger/calendar-feed', {
    schema: { tags: ['borger'], summary: 'Whether the citizen’s calendar feed is on', security: citizen, response: { 200: calendarFeedStatus, ...errors } },
    handler: async (request) => getCalendarFeedStatus(citizenContext(request, deps)),
  });

  app.post('/api/borger/calendar-feed', {
    schema: { tags: ['borger'], summary: 'Turns the calendar feed on or renews it (the old link stops working); its link is shown this once', security: citizen, response: { 200: calendarFeedCreated, ...errors } },
    handler: async (request) => createCalendarFeed(citizenContext(request, deps)),
  });

  app.delete('/api/borger/calendar-feed', {
    schema: { tags: ['borger'], summary: 'Turns the calendar feed off: its link answers 404', security: citizen, response: { 200: calendarFeedStatus, ...errors } },
    handler: async (request) => revokeCalendarFeed(citizenContext(request, deps)),
  });

  app.get('/api/calendar-feed/:token/samkraft.ics', {
    config: { rateLimit: { max: CALENDAR_FEED_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
    schema: {
      tags: ['borger'],
      summary: 'A citizen’s calendar feed for a phone’s calendar: no session, the secret token in the URL names the citizen (unknown or revoked: 404)',
      security: [],
      params: calendarFeedParams,
      produces: ['text/calendar'],
      response: { 200: z.any().describe('text/calendar'), 404: apiError, 429: apiError },
    },
    handler: async (request, reply) => {
      const body = await readCalendarFeed({ ...deps, requestId: request.id }, request.params.token);
      return reply.type(ICS).header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer').send(body);
    },
  });
}
