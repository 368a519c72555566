import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import {
  organisationDetail,
  organisationFields,
  organisationItem,
  organisationLookupQuery,
  organisationParams,
  organisationRegisterPage,
  organisationRegisterQuery,
  organisationsQuery,
} from '@samkraft/contracts/organisations';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { createOrganisation, editOrganisation, findOrganisations, getOrganisation, listOrganisationRegister, lookupOrganisation, setOrganisationActivity } from './organisation.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

export function registerOrganisationRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: Parameters<typeof staffContext>[0]) => staffContext(request, deps);

  app.get('/api/organisations', {
    schema: {
      tags: ['organisations'],
      summary: 'Active organisations for the pickers (referring unit, GP clinic, hospital department); `q` finds by name, ydernummer, SOR code or GLN',
      querystring: organisationsQuery,
      response: { 200: z.array(organisationItem), 400: apiError, 401: apiError },
    },
    handler: async (request) => findOrganisations(ctx(request), request.query),
  });

  app.get('/api/organisations/register', {
    schema: {
      tags: ['organisations'],
      summary: 'The organisation register with every identifier: filter by kind, municipality and status; `q` finds by name, SOR code, GLN, ydernummer or CVR; paged',
      querystring: organisationRegisterQuery,
      response: { 200: organisationRegisterPage, 400: apiError, 401: apiError },
    },
    handler: async (request) => listOrganisationRegister(ctx(request), request.query),
  });

  app.get('/api/organisations/lookup', {
    schema: {
      tags: ['organisations'],
      summary: 'The organisation with a SOR code (`sor`) or a GLN (`gln`, 13 digits), active or not',
      querystring: organisationLookupQuery,
      response: { 200: organisationDetail, ...errors },
    },
    handler: async (request) => lookupOrganisation(ctx(request), request.query),
  });

  app.get('/api/organisations/:organisationId', {
    schema: {
      tags: ['organisations'],
      summary: 'One organisation with its identifiers',
      params: organisationParams,
      response: { 200: organisationDetail, ...errors },
    },
    handler: async (request) => getOrganisation(ctx(request), request.params.organisationId),
  });

  app.post('/api/organisations', {
    schema: {
      tags: ['organisations'],
      summary: 'Add an organisation (administrators); its GLN and CVR are checked by their check digits, and a SOR code, GLN or ydernummer another organisation has is refused',
      body: organisationFields,
      response: { 201: organisationDetail, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await createOrganisation(ctx(request), request.body)),
  });

  app.put('/api/organisations/:organisationId', {
    schema: {
      tags: ['organisations'],
      summary: "Replace an organisation's fields (administrators); a field left out is cleared; audited with old and new values",
      params: organisationParams,
      body: organisationFields,
      response: { 200: organisationDetail, ...errors },
    },
    handler: async (request) => editOrganisation(ctx(request), request.params.organisationId, request.body),
  });

  app.post('/api/organisations/:organisationId/deactivate', {
    schema: {
      tags: ['organisations'],
      summary: 'Deactivate an organisation (administrators): it leaves the pickers and keeps its identifiers',
      params: organisationParams,
      response: { 200: organisationDetail, ...errors },
    },
    handler: async (request) => setOrganisationActivity(ctx(request), request.params.organisationId, false),
  });

  app.post('/api/organisations/:organisationId/activate', {
    schema: {
      tags: ['organisations'],
      summary: 'Activate a deactivated organisation again (administrators)',
      params: organisationParams,
      response: { 200: organisationDetail, ...errors },
    },
    handler: async (request) => setOrganisationActivity(ctx(request), request.params.organisationId, true),
  });
}
