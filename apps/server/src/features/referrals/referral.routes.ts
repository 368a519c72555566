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
  organisationItem,
  organisationsQuery,
} from '@samkraft/contracts/referrals';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { requireStaff } from '../auth/auth.plugin.ts';
import { listOrganisations } from './organisation.repository.ts';
import { listDiagnoses } from './referral.repository.ts';
import { createReferral, lookupCitizen, markDeceased } from './referral.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

export function registerReferralRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: Parameters<typeof requireStaff>[0]) => ({ ...deps, actor: requireStaff(request), requestId: request.id });

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

  app.get('/api/organisations', {
    schema: {
      tags: ['referrals'],
      summary: 'Referring organisations (hospital departments, GP clinics …); `q` finds by name, ydernummer or SOR code',
      querystring: organisationsQuery,
      response: { 200: z.array(organisationItem), 400: apiError, 401: apiError },
    },
    handler: async (request) => {
      requireStaff(request);
      const rows = await listOrganisations(deps.db, { kind: request.query.kind, q: request.query.q });
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        name: r.name,
        parentName: r.parent_name,
        ydernummer: r.ydernummer,
        sorCode: r.sor_code,
        address: r.address,
      }));
    },
  });

  app.get('/api/diagnoses', {
    schema: {
      tags: ['referrals'],
      summary: 'ICD-10 cancer diagnoses DC00–DD09 with Danish titles (uncertain titles marked)',
      response: { 200: z.array(diagnosisItem), 401: apiError },
    },
    handler: async (request) => {
      requireStaff(request);
      const rows = await listDiagnoses(deps.db);
      return rows.map((r) => ({ code: r.code, titleDa: r.title_da, titleEn: r.title_en, uncertain: r.uncertain }));
    },
  });
}
