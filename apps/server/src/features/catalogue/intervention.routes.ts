import { z } from 'zod';
import { interventionDetail, interventionFields, interventionListItem, newInterventionBody } from '@samkraft/contracts/catalogue';
import { apiError } from '@samkraft/contracts/common';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { createIntervention, editIntervention, getIntervention, getInterventions } from './intervention.service.ts';

const codeParam = z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]*$/).max(50) });

export function registerInterventionRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/catalogue/interventions', {
    schema: {
      tags: ['catalogue'],
      summary: 'The intervention catalogue with doses and current hosts (retired ones on request)',
      querystring: z.strictObject({ retired: z.enum(['include', 'exclude']).default('exclude') }),
      response: { 200: z.array(interventionListItem), 400: apiError, 401: apiError },
    },
    handler: async (request) => getInterventions(staffContext(request, deps), request.query.retired === 'include'),
  });

  app.get('/api/catalogue/interventions/:code', {
    schema: {
      tags: ['catalogue'],
      summary: 'One intervention with its target rules, form, team mode, dose parts, legal bases and professions',
      params: codeParam,
      response: { 200: interventionDetail, 400: apiError, 401: apiError, 404: apiError },
    },
    handler: async (request) => getIntervention(staffContext(request, deps), request.params.code),
  });

  app.post('/api/catalogue/interventions', {
    schema: {
      tags: ['catalogue'],
      summary: 'Add an intervention to the catalogue under a new code (administrators)',
      body: newInterventionBody,
      response: { 201: interventionDetail, 400: apiError, 401: apiError, 403: apiError },
    },
    handler: async (request, reply) => {
      const created = await createIntervention(staffContext(request, deps), request.body);
      return reply.code(201).send(created);
    },
  });

  app.put('/api/catalogue/interventions/:code', {
    schema: {
      tags: ['catalogue'],
      summary: "Replace an intervention's fields and dose parts; retire it with active=false (administrators)",
      params: codeParam,
      body: interventionFields,
      response: { 200: interventionDetail, 400: apiError, 401: apiError, 403: apiError, 404: apiError },
    },
    handler: async (request) => editIntervention(staffContext(request, deps), request.params.code, request.body),
  });
}
