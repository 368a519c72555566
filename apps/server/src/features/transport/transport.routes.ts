import { apiError } from '@samkraft/contracts/common';
import {
  crossReferralParams,
  municipalityParams,
  municipalityTransport,
  municipalityTransportBody,
  transportQuery,
  transportResult,
  transportRuleBody,
  transportRules,
} from '@samkraft/contracts/transport';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { addTransportRule, getCrossReferralTransport, getMunicipalityTransport, getTransportRules, setMunicipalityTransport } from './transport.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

export function registerTransportRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: Parameters<typeof staffContext>[0]) => staffContext(request, deps);

  app.get('/api/cross-referrals/:crossReferralId/transport', {
    schema: {
      tags: ['transport'],
      summary: "The citizen's right to transport or reimbursement for a cross-municipal referral (note Bilag K; audited read)",
      params: crossReferralParams,
      querystring: transportQuery,
      response: { 200: transportResult, ...errors },
    },
    handler: async (request) => getCrossReferralTransport(ctx(request), request.params.crossReferralId, request.query),
  });

  app.get('/api/municipalities/:code/transport', {
    schema: { tags: ['transport'], summary: "A municipality's transport service level and Flextur membership", params: municipalityParams, response: { 200: municipalityTransport, ...errors } },
    handler: async (request) => getMunicipalityTransport(ctx(request), request.params.code),
  });

  app.put('/api/municipalities/:code/transport', {
    schema: {
      tags: ['transport'],
      summary: "Set a municipality's transport service level and Flextur membership from a date (audited)",
      params: municipalityParams,
      body: municipalityTransportBody,
      response: { 200: municipalityTransport, ...errors },
    },
    handler: async (request) => setMunicipalityTransport(ctx(request), request.params.code, request.body),
  });

  app.get('/api/transport-rules', {
    schema: { tags: ['transport'], summary: 'Transport reimbursement thresholds by year', response: { 200: transportRules, ...errors } },
    handler: async (request) => getTransportRules(ctx(request)),
  });

  app.post('/api/transport-rules', {
    schema: { tags: ['transport'], summary: "Add a year's transport thresholds (administrators; audited)", body: transportRuleBody, response: { 201: transportRules, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await addTransportRule(ctx(request), request.body)),
  });
}
