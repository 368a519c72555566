import { z } from 'zod';
import { courseIdParams } from '@samkraft/contracts/assessments';
import { closingConversationSave, closingNoteDraft, closingNoteSave, closingNoteSend, closingOverview } from '@samkraft/contracts/closings';
import { apiError } from '@samkraft/contracts/common';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { draftClosingNote, getClosing, getClosingNotePdf, saveClosingConversation, saveClosingNote, sendClosingNote } from './closing.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

export function registerClosingRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/courses/:courseId/closing', {
    schema: {
      tags: ['closings'],
      summary: "The course's closing conversation, end needs assessments and closing note",
      params: courseIdParams,
      response: { 200: closingOverview, ...errors },
    },
    handler: async (request) => getClosing(staffContext(request, deps), request.params.courseId),
  });

  app.put('/api/courses/:courseId/closing/conversation', {
    schema: {
      tags: ['closings'],
      summary: 'Record or correct the closing conversation with its questionnaire (refused once the closing note is sent)',
      params: courseIdParams,
      body: closingConversationSave,
      response: { 200: closingOverview, ...errors, 409: apiError },
    },
    handler: async (request) => saveClosingConversation(staffContext(request, deps), request.params.courseId, request.body),
  });

  app.post('/api/courses/:courseId/closing/note/draft', {
    schema: {
      tags: ['closings'],
      summary: 'Compose a Danish draft of the closing note from the plan, interventions, status notes and closing conversation (not saved)',
      params: courseIdParams,
      response: { 200: closingNoteDraft, ...errors },
    },
    handler: async (request) => draftClosingNote(staffContext(request, deps), request.params.courseId),
  });

  app.put('/api/courses/:courseId/closing/note', {
    schema: {
      tags: ['closings'],
      summary: 'Save the edited text of the closing note (refused once it is sent)',
      params: courseIdParams,
      body: closingNoteSave,
      response: { 200: closingOverview, ...errors, 409: apiError },
    },
    handler: async (request) => saveClosingNote(staffContext(request, deps), request.params.courseId, request.body.body),
  });

  app.post('/api/courses/:courseId/closing/note/send', {
    schema: {
      tags: ['closings'],
      summary: 'Mark the closing note sent to the GP and/or a hospital department (with consent); closes an open course as completed',
      params: courseIdParams,
      body: closingNoteSend,
      response: { 200: closingOverview, ...errors, 409: apiError },
    },
    handler: async (request) => sendClosingNote(staffContext(request, deps), request.params.courseId, request.body),
  });

  app.get('/api/courses/:courseId/closing/note/pdf', {
    schema: {
      tags: ['closings'],
      summary: 'The closing note as a Danish A4 PDF',
      params: courseIdParams,
      produces: ['application/pdf'],
      response: { 200: z.any().describe('application/pdf'), ...errors },
    },
    handler: async (request, reply) => {
      const { bytes, filename } = await getClosingNotePdf(staffContext(request, deps), request.params.courseId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  });
}
