import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import { job, jobId } from '@samkraft/contracts/jobs';
import { report, reportExportQuery, reportFormat, reportQuery, reportRequest } from '@samkraft/contracts/reports';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import type { JobQueue } from '../jobs/job.service.ts';
import { exportJobReport, getJobReport, submitReportJob } from './report-job.service.ts';
import { exportReport, getReport, type ReportFile } from './report.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError };

/** `readDb`: where the report's reads go (a read replica, or the primary); audit events go to `db`. */
export function registerReportRoutes(app: App, deps: { db: Db; readDb: Db; clock: Clock; jobs: JobQueue }): void {
  const { readDb, jobs, ...ctxDeps } = deps;
  app.get('/api/reports', {
    schema: {
      tags: ['reports'],
      summary: 'The report for a period and municipalities: every table, computed from the records (aggregates only)',
      querystring: reportQuery,
      response: { 200: report, ...errors },
    },
    handler: async (request) => getReport(staffContext(request, ctxDeps), request.query, 'json', readDb),
  });

  app.get('/api/reports/export', {
    schema: {
      tags: ['reports'],
      summary: 'The report as XLSX (one sheet per table), CSV (semicolons) or PDF (tables and charts)',
      querystring: reportExportQuery,
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'application/pdf'],
      response: { 200: z.any().describe('the report file'), ...errors },
    },
    handler: async (request, reply) => {
      const { format, ...params } = request.query;
      return sendFile(reply, await exportReport(staffContext(request, ctxDeps), params, format, readDb));
    },
  });

  app.post('/api/reports/jobs', {
    schema: {
      tags: ['reports'],
      summary: 'Start computing a report off the request path (a long period, many municipalities); follow it at /api/jobs/{id}',
      body: reportRequest,
      response: { 202: job, ...errors },
    },
    handler: async (request, reply) => reply.status(202).send(await submitReportJob(staffContext(request, ctxDeps), request.body, jobs)),
  });

  app.get('/api/reports/jobs/:id/report', {
    schema: { tags: ['reports'], summary: "A report job's report, once it has succeeded", params: jobId, response: { 200: report, 404: apiError, 409: apiError, ...errors } },
    handler: async (request) => getJobReport(staffContext(request, ctxDeps), jobs, request.params.id),
  });

  app.get('/api/reports/jobs/:id/export', {
    schema: {
      tags: ['reports'],
      summary: "A report job's report as XLSX, CSV or PDF (no second computation)",
      params: jobId,
      querystring: z.strictObject({ format: reportFormat }),
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'application/pdf'],
      response: { 200: z.any().describe('the report file'), 404: apiError, 409: apiError, ...errors },
    },
    handler: async (request, reply) => sendFile(reply, await exportJobReport(staffContext(request, ctxDeps), jobs, request.params.id, request.query.format)),
  });
}

function sendFile(reply: FastifyReply, file: ReportFile): FastifyReply {
  return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'no-store').send(file.bytes);
}
