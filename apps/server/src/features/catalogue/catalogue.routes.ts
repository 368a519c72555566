import { z } from 'zod';
import { endRoutingBody, newRoutingBody, offering, offeringPatch, routingEntry } from '@samkraft/contracts/catalogue';
import { apiError, isoDate, text, uuid } from '@samkraft/contracts/common';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { getOfferings, patchOffering } from './catalogue.service.ts';
import { registerInterventionRoutes } from './intervention.routes.ts';
import { addRouting, confirmRouting, endRouting, getRouting, getRoutingHistory } from './routing.service.ts';

export function registerCatalogueRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  registerInterventionRoutes(app, deps);

  app.get('/api/catalogue/offerings', {
    schema: {
      tags: ['catalogue'],
      summary: 'Offerings (an intervention hosted by a municipality), all validity periods',
      querystring: z.strictObject({ intervention: text.max(100).optional() }),
      response: { 200: z.array(offering), 400: apiError, 401: apiError },
    },
    handler: async (request) => getOfferings(staffContext(request, deps), request.query.intervention),
  });

  app.patch('/api/catalogue/offerings/:offeringId', {
    schema: {
      tags: ['catalogue'],
      summary: "Change an offering's place, contact, capacity or validity (administrators)",
      params: z.strictObject({ offeringId: uuid }),
      body: offeringPatch,
      response: { 200: offering, 400: apiError, 401: apiError, 403: apiError, 404: apiError },
    },
    handler: async (request) => patchOffering(staffContext(request, deps), request.params.offeringId, request.body),
  });

  app.get('/api/catalogue/routing', {
    schema: {
      tags: ['catalogue'],
      summary: 'Routing valid on a date (default today): home municipality × intervention → offering, inferred routes marked',
      querystring: z.strictObject({ on: isoDate.optional() }),
      response: { 200: z.array(routingEntry), 400: apiError, 401: apiError },
    },
    handler: async (request) => getRouting(staffContext(request, deps), request.query.on),
  });

  app.post('/api/catalogue/routing', {
    schema: {
      tags: ['catalogue'],
      summary: 'Route a home municipality to an offering from a date, inferred or read from the source (administrators)',
      body: newRoutingBody,
      response: { 204: z.null(), 400: apiError, 401: apiError, 403: apiError },
    },
    handler: async (request, reply) => {
      await addRouting(staffContext(request, deps), request.body);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/catalogue/routing/history', {
    schema: {
      tags: ['catalogue'],
      summary: "Every route of an intervention, ended ones included (the effective-dated history)",
      querystring: z.strictObject({ intervention: text.min(1).max(100) }),
      response: { 200: z.array(routingEntry), 400: apiError, 401: apiError },
    },
    handler: async (request) => getRoutingHistory(staffContext(request, deps), request.query.intervention),
  });

  app.post('/api/catalogue/routing/:routingId/end', {
    schema: {
      tags: ['catalogue'],
      summary: 'End a route on a date; it stays as history (administrators)',
      params: z.strictObject({ routingId: uuid }),
      body: endRoutingBody,
      response: { 200: routingEntry, 400: apiError, 401: apiError, 403: apiError, 404: apiError },
    },
    handler: async (request) => endRouting(staffContext(request, deps), request.params.routingId, request.body),
  });

  app.post('/api/catalogue/routing/:routingId/confirm', {
    schema: {
      tags: ['catalogue'],
      summary: 'Mark an inferred route as checked against the agreements (administrators)',
      params: z.strictObject({ routingId: uuid }),
      response: { 200: routingEntry, 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError },
    },
    handler: async (request) => confirmRouting(staffContext(request, deps), request.params.routingId),
  });
}
