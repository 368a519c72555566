import { closingDay, closingDayBody, closingDayParams, closingDays, closingDaysQuery } from '@samkraft/contracts/calendar';
import { apiError } from '@samkraft/contracts/common';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { createClosingDay, listClosingDaysFor, removeClosingDay } from './closing-day.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

export function registerCalendarRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/closing-days', {
    schema: {
      tags: ['calendar'],
      summary: "The default closing days and a municipality's own (yours when none is given)",
      querystring: closingDaysQuery,
      response: { 200: closingDays, 400: apiError, 401: apiError },
    },
    handler: async (request) => listClosingDaysFor(staffContext(request, deps), request.query.municipality),
  });

  app.post('/api/closing-days', {
    schema: {
      tags: ['calendar'],
      summary: "Add a closing day: to your municipality (leads) or any set, the default included (administrators)",
      body: closingDayBody,
      response: { 201: closingDay, ...errors },
    },
    handler: async (request, reply) => {
      const created = await createClosingDay(staffContext(request, deps), request.body);
      return reply.status(201).send(created);
    },
  });

  app.delete('/api/closing-days/:id', {
    schema: {
      tags: ['calendar'],
      summary: 'Delete a closing day (same rights as adding one)',
      params: closingDayParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await removeClosingDay(staffContext(request, deps), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
