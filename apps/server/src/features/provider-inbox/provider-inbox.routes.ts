import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import { acceptBody, crossReferralIdParams, deeperAssessmentBody, deeperAssessmentParams, incomingReferral, providerDeclineBody, providerInbox } from '@samkraft/contracts/cross-referrals';
import { measurementCorrectionBody } from '@samkraft/contracts/measurements';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { acceptReferral, correctMeasurement, declineReferral, getIncomingReferral, getProviderInbox, recordDeeperAssessment } from './provider-inbox.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

export function registerProviderInboxRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: FastifyRequest) => staffContext(request, deps);

  app.get('/api/provider-inbox', {
    schema: { tags: ['provider-inbox'], summary: "The cross-municipal referrals sent to the actor's municipality, with the provider's deadlines", response: { 200: providerInbox, ...errors } },
    handler: async (request) => getProviderInbox(ctx(request)),
  });

  app.get('/api/provider-inbox/:crossReferralId', {
    schema: { tags: ['provider-inbox'], summary: 'One incoming referral: only what was shared, and what is needed to make contact', params: crossReferralIdParams, response: { 200: incomingReferral, ...errors } },
    handler: async (request) => getIncomingReferral(ctx(request), request.params.crossReferralId),
  });

  app.post('/api/provider-inbox/:crossReferralId/accept', {
    schema: { tags: ['provider-inbox'], summary: 'Accept the referral and record the contact with the citizen', params: crossReferralIdParams, body: acceptBody, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await acceptReferral(ctx(request), request.params.crossReferralId, request.body);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/provider-inbox/:crossReferralId/decline', {
    schema: { tags: ['provider-inbox'], summary: 'Decline the referral with a reason for the home municipality', params: crossReferralIdParams, body: providerDeclineBody, response: { 204: z.null(), ...errors, 409: apiError } },
    handler: async (request, reply) => {
      await declineReferral(ctx(request), request.params.crossReferralId, request.body.reason);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/provider-inbox/:crossReferralId/deeper-assessments', {
    schema: {
      tags: ['provider-inbox'],
      summary: 'Record a deeper assessment: findings, standard tests and goals set with the citizen',
      params: crossReferralIdParams,
      body: deeperAssessmentBody,
      response: { 201: z.object({ id: z.uuid() }), ...errors, 409: apiError },
    },
    handler: async (request, reply) => reply.status(201).send(await recordDeeperAssessment(ctx(request), request.params.crossReferralId, request.body)),
  });

  app.post('/api/provider-inbox/:crossReferralId/deeper-assessments/:assessmentId/corrections', {
    schema: {
      tags: ['provider-inbox'],
      summary: "Correct a recorded measurement of a deeper assessment: a new version with the reason; the earlier value is kept",
      params: deeperAssessmentParams,
      body: measurementCorrectionBody,
      response: { 201: z.object({ version: z.number().int() }), ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await correctMeasurement(ctx(request), request.params.crossReferralId, request.params.assessmentId, request.body)),
  });
}
