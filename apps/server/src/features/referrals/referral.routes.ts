import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import {
  citizenLookup,
  citizenLookupBody,
  deceasedBody,
  deceasedParams,
  deceasedResult,
  diagnosisItem,
  newReferralBody,
  newReferralResult,
} from '@samkraft/contracts/referrals';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { diagnosisList } from './referral-choices.service.ts';
import { createReferral, lookupCitizen, markDeceased } from './referral.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

export function registerReferralRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: Parameters<typeof staffContext>[0]) => staffContext(request, deps);

  app.post('/api/referrals', {
    schema: {
      tags: ['referrals'],
      summary: 'Register a referral to the home municipality and open its course',
      body: newReferralBody,
      response: { 201: newReferralResult, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await createReferral(ctx(request), request.body)),
  });

  app.post('/api/citizens/lookup', {
    schema: {
      tags: ['referrals'],
      summary: 'Whether a CPR belongs to a citizen known to your municipality (audited; the CPR in the body, never in the URL)',
      body: citizenLookupBody,
      response: { 200: citizenLookup, ...errors },
    },
    handler: async (request) => lookupCitizen(ctx(request), request.body.cpr),
  });

  app.post('/api/citizens/:citizenId/deceased', {
    schema: {
      tags: ['referrals'],
      summary: "Record a citizen's death; closes the open courses in your municipality",
      params: deceasedParams,
      body: deceasedBody,
      response: { 200: deceasedResult, ...errors },
    },
    handler: async (request) => markDeceased(ctx(request), request.params.citizenId, request.body.deceasedOn),
  });

  app.get('/api/diagnoses', {
    schema: {
      tags: ['referrals'],
      summary: 'ICD-10 cancer diagnoses DC00–DD09 with Danish titles (uncertain titles marked)',
      response: { 200: z.array(diagnosisItem), 401: apiError },
    },
    handler: async (request) => diagnosisList(ctx(request)),
  });
}
