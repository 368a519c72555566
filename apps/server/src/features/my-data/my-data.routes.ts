import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import { dataAccessRequestBody, dataAccessRequestParams, myDataQuery } from '@samkraft/contracts/my-data';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { citizenContext, staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { downloadMyData, produceDataAccessResponse, type MyDataDownload } from './my-data.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };
const file = z.any().describe('application/json (the aktindsigt file: a FHIR Bundle and JSON sections) or application/pdf');
const fhirBase = (request: FastifyRequest) => `${request.protocol}://${request.host}/fhir`;

function send(reply: FastifyReply, d: MyDataDownload, name: string) {
  void reply.header('cache-control', 'no-store');
  if (d.format === 'pdf') return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(d.bytes);
  return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="${name}.json"`).send(JSON.stringify(d.file, null, 2));
}

export function registerMyDataRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/borger/my-data', {
    schema: {
      tags: ['borger'],
      summary: 'Everything Samkraft holds about the signed-in citizen (aktindsigt): `format=json` (default) or `pdf`',
      security: [{ citizenSession: [] }],
      querystring: myDataQuery,
      produces: ['application/json', 'application/pdf'],
      response: { 200: file, ...errors },
    },
    handler: async (request, reply) => send(reply, await downloadMyData(citizenContext(request, deps), request.query.format ?? 'json', fhirBase(request)), 'mine-oplysninger-samkraft'),
  });

  app.post('/api/courses/:courseId/data-access-request', {
    schema: {
      tags: ['courses'],
      summary: 'Aktindsigt for a written request: everything the municipality holds about the course’s citizen (contact person or lead of the home municipality; the reference is recorded)',
      params: dataAccessRequestParams,
      body: dataAccessRequestBody,
      produces: ['application/json', 'application/pdf'],
      response: { 200: file, ...errors },
    },
    handler: async (request, reply) => send(reply, await produceDataAccessResponse(staffContext(request, deps), request.params.courseId, request.body, fhirBase(request)), 'aktindsigt'),
  });
}
