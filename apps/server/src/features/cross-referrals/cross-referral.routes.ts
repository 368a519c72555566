import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import {
  citizenDeclineBody,
  courseCrossReferrals,
  courseIdParams,
  crossReferralIdParams,
  crossReferralPreviewBody,
  crossReferralSendBody,
  crossReferralUpdateBody,
  homeOfferBody,
  sharedSnapshot,
} from '@samkraft/contracts/cross-referrals';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import {
  getCourseCrossReferrals,
  previewCrossReferral,
  previewCrossReferralUpdate,
  recordCitizenDecline,
  recordHomeOffer,
  sendCrossReferral,
  sendCrossReferralUpdate,
} from './cross-referral.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };
const created = z.object({ id: z.uuid() });

export function registerCrossReferralRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: FastifyRequest) => staffContext(request, deps);

  app.get('/api/courses/:courseId/cross-referrals', {
    schema: { tags: ['cross-referrals'], summary: "A course's routed offerings, what can be shared, and its cross-referrals", params: courseIdParams, response: { 200: courseCrossReferrals, ...errors } },
    handler: async (request) => getCourseCrossReferrals(ctx(request), request.params.courseId),
  });

  app.post('/api/courses/:courseId/cross-referrals/preview', {
    schema: { tags: ['cross-referrals'], summary: 'Preview exactly what a cross-municipal referral would share', params: courseIdParams, body: crossReferralPreviewBody, response: { 200: sharedSnapshot, ...errors } },
    handler: async (request) => previewCrossReferral(ctx(request), request.params.courseId, request.body),
  });

  app.post('/api/courses/:courseId/cross-referrals', {
    schema: {
      tags: ['cross-referrals'],
      summary: 'Send a cross-municipal referral with the citizen’s consent and the chosen snapshot',
      params: courseIdParams,
      body: crossReferralSendBody,
      response: { 201: created, ...errors, 409: apiError },
    },
    handler: async (request, reply) => reply.status(201).send(await sendCrossReferral(ctx(request), request.params.courseId, request.body)),
  });

  app.post('/api/courses/:courseId/home-offers', {
    schema: { tags: ['cross-referrals'], summary: 'Record a home or temporary home offer (must-use rule, note §8.13) or a §140 free choice outside the collaboration', params: courseIdParams, body: homeOfferBody, response: { 201: created, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await recordHomeOffer(ctx(request), request.params.courseId, request.body)),
  });

  app.post('/api/cross-referrals/:crossReferralId/updates/preview', {
    schema: {
      tags: ['cross-referrals'],
      summary: 'Preview exactly what an update to the provider would share',
      params: crossReferralIdParams,
      body: crossReferralUpdateBody,
      response: { 200: sharedSnapshot, ...errors, 409: apiError },
    },
    handler: async (request) => previewCrossReferralUpdate(ctx(request), request.params.crossReferralId, request.body.share),
  });

  app.post('/api/cross-referrals/:crossReferralId/updates', {
    schema: { tags: ['cross-referrals'], summary: 'Send the provider an update of the shared snapshot', params: crossReferralIdParams, body: crossReferralUpdateBody, response: { 204: z.null(), ...errors, 409: apiError } },
    handler: async (request, reply) => {
      await sendCrossReferralUpdate(ctx(request), request.params.crossReferralId, request.body.share);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/cross-referrals/:crossReferralId/citizen-declines', {
    schema: { tags: ['cross-referrals'], summary: 'Record that the citizen declined the offer (home or provider side)', params: crossReferralIdParams, body: citizenDeclineBody, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await recordCitizenDecline(ctx(request), request.params.crossReferralId, request.body);
      return reply.status(204).send(null);
    },
  });
}
