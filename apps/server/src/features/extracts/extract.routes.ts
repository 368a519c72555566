import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import { job, jobId } from '@samkraft/contracts/jobs';
import { extractExportQuery, extractImportResult, extractUpload, extractValidation, MAX_EXTRACT_BYTES, type ExtractUpload } from '@samkraft/contracts/extracts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import type { JobQueue } from '../jobs/job.service.ts';
import { getImportJobResult, submitImportJob } from './extract-job.service.ts';
import { exportExtract, importExtract, validateExtractFiles, type ExtractFileBytes } from './extract.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError };

/** Base64 in JSON: a third larger than the files, plus the JSON around it. */
const UPLOAD_BODY_LIMIT = Math.ceil(MAX_EXTRACT_BYTES / 3) * 4 + 64 * 1024;

const filesOf = (body: ExtractUpload): ExtractFileBytes[] => body.files.map((f) => ({ name: f.name.trim(), bytes: new Uint8Array(Buffer.from(f.contentBase64, 'base64')) }));

export function registerExtractRoutes(app: App, deps: { db: Db; clock: Clock; jobs: JobQueue }): void {
  const { jobs, ...ctxDeps } = deps;
  app.post('/api/extracts/validate', {
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      tags: ['extracts'],
      summary: 'Check a case-record extract without storing it: every refused cell with file, row, column and reason (administrators)',
      body: extractUpload,
      response: { 200: extractValidation, ...errors },
    },
    handler: async (request) => validateExtractFiles(staffContext(request, ctxDeps), filesOf(request.body)),
  });

  app.post('/api/extracts/import', {
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      tags: ['extracts'],
      summary: 'Import a case-record extract: all rows or none, idempotent by home municipality and referral_id (administrators)',
      body: extractUpload,
      response: { 200: extractImportResult, ...errors },
    },
    handler: async (request) => importExtract(staffContext(request, ctxDeps), filesOf(request.body)),
  });

  app.post('/api/extracts/import-jobs', {
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      tags: ['extracts'],
      summary: 'Import a large extract off the request path (administrators); follow it at /api/jobs/{id}, then read its result',
      body: extractUpload,
      response: { 202: job, ...errors },
    },
    handler: async (request, reply) => reply.status(202).send(await submitImportJob(staffContext(request, ctxDeps), filesOf(request.body), jobs)),
  });

  app.get('/api/extracts/import-jobs/:id/result', {
    schema: { tags: ['extracts'], summary: "An import job's result, once it has ended: what was stored, or every refused cell", params: jobId, response: { 200: extractImportResult, 404: apiError, 409: apiError, ...errors } },
    handler: async (request) => getImportJobResult(staffContext(request, ctxDeps), jobs, request.params.id),
  });

  app.get('/api/extracts/export', {
    schema: {
      tags: ['extracts'],
      summary:
        "Stored records as a case-record extract: one XLSX workbook, or one CSV table per request. scope=municipality: the own municipality's citizens, person-level (municipal lead, administrator); scope=collaboration: every municipality, pseudonymised (coordinator, administrator). Audited per citizen with the purpose",
      querystring: extractExportQuery,
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      response: { 200: z.any().describe('XLSX workbook or CSV (; separated, UTF-8 with BOM)'), ...errors },
    },
    handler: async (request, reply) => {
      const file = await exportExtract(staffContext(request, ctxDeps), request.query);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
    },
  });
}
