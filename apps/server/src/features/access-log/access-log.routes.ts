import { z } from 'zod';
import { accessLogCourseParams, accessLogPage, accessLogQuery } from '@samkraft/contracts/access-log';
import { apiError } from '@samkraft/contracts/common';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { citizenContext, staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { exportCourseAccessLog, exportMyAccessLog, getCourseAccessLog, getMyAccessLog } from './access-log.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const fhirBundle = z.any().describe('A FHIR R4 Bundle of IHE BALP PatientRead AuditEvents');

export function registerAccessLogRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/borger/access-log', {
    schema: { tags: ['borger'], summary: 'Who has read the signed-in citizen’s data, newest first (a page; `before` the previous page’s `next`)', security: [{ citizenSession: [] }], querystring: accessLogQuery, response: { 200: accessLogPage, ...errors } },
    handler: async (request) => getMyAccessLog(citizenContext(request, deps), request.query),
  });

  app.get('/api/borger/access-log/fhir', {
    schema: { tags: ['borger'], summary: 'The signed-in citizen’s access log as a FHIR Bundle of BALP PatientRead AuditEvents', security: [{ citizenSession: [] }], querystring: accessLogQuery, produces: ['application/fhir+json'], response: { 200: fhirBundle, ...errors } },
    handler: async (request, reply) => {
      const bundle = await exportMyAccessLog(citizenContext(request, deps), request.query);
      return reply.type(FHIR_JSON).header('content-disposition', 'attachment; filename="hvem-har-set-mine-oplysninger.json"').header('cache-control', 'no-store').send(JSON.stringify(bundle));
    },
  });

  app.get('/api/courses/:courseId/access-log', {
    schema: { tags: ['courses'], summary: 'Who has read the course’s citizen’s data, newest first (home municipality staff)', params: accessLogCourseParams, querystring: accessLogQuery, response: { 200: accessLogPage, ...errors } },
    handler: async (request) => getCourseAccessLog(staffContext(request, deps), request.params.courseId, request.query),
  });

  app.get('/api/courses/:courseId/access-log/fhir', {
    schema: { tags: ['courses'], summary: 'The course’s citizen’s access log as a FHIR Bundle of BALP PatientRead AuditEvents', params: accessLogCourseParams, querystring: accessLogQuery, produces: ['application/fhir+json'], response: { 200: fhirBundle, ...errors } },
    handler: async (request, reply) => {
      const bundle = await exportCourseAccessLog(staffContext(request, deps), request.params.courseId, request.query);
      return reply.type(FHIR_JSON).header('content-disposition', 'attachment; filename="adgangslog.json"').header('cache-control', 'no-store').send(JSON.stringify(bundle));
    },
  });
}
