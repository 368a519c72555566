import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import { report, reportExportQuery, reportQuery } from '@samkraft/contracts/reports';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { requireStaff } from '../auth/auth.plugin.ts';
import { exportReport, getReport } from './report.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError };

/** `readDb`: where the report's reads go (a read replica, or the primary); audit events go to `db`. */
export function registerReportRoutes(app: App, deps: { db: Db; readDb: Db; clock: Clock }): void {
  const { readDb, ...ctxDeps } = deps;
  app.get('/api/reports', {
    schema: {
      tags: ['reports'],
      summary: 'The report for a period and municipalities: every table, computed from the records (aggregates only)',
      querystring: reportQuery,
      response: { 200: report, ...errors },
    },
    handler: async (request) => getReport({ ...ctxDeps, actor: requireStaff(request), requestId: request.id }, request.query, 'json', readDb),
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
      const file = await exportReport({ ...ctxDeps, actor: requireStaff(request), requestId: request.id }, params, format, readDb);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'no-store').send(file.bytes);
    },
  });
}
