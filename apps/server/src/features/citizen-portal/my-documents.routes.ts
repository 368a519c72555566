import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import { myDocumentParams, myDocuments } from '@samkraft/contracts/my-documents';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { citizenContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { getMyDocument, getMyDocuments } from './my-documents.service.ts';

const errors = { 400: apiError, 401: apiError, 404: apiError };

export function registerMyDocumentsRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/borger/documents', {
    schema: { tags: ['borger'], summary: 'The signed-in citizen’s letters, action plans and closing notes (dated, newest first)', security: [{ citizenSession: [] }], response: { 200: myDocuments, 401: apiError } },
    handler: async (request) => getMyDocuments(citizenContext(request, deps)),
  });

  app.get('/api/borger/documents/:documentId', {
    schema: {
      tags: ['borger'],
      summary: 'One of the signed-in citizen’s documents as PDF (another citizen’s: 404)',
      security: [{ citizenSession: [] }],
      params: myDocumentParams,
      produces: ['application/pdf'],
      response: { 200: z.any().describe('application/pdf'), ...errors },
    },
    handler: async (request, reply) => {
      const { bytes, filename } = await getMyDocument(citizenContext(request, deps), request.params.documentId);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store').send(bytes);
    },
  });
}
