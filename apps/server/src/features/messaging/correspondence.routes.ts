import { z } from 'zod';
import { courseIdParams } from '@samkraft/contracts/assessments';
import { apiError } from '@samkraft/contracts/common';
import { courseMessage, courseMessageAttachmentParams, courseMessageList, courseMessageWrite, messageRecipients } from '@samkraft/contracts/messaging';
import { staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import type { MessagingRouteDeps } from './messaging.routes.ts';
import { getCourseMessageAttachment, listCourseCorrespondence, listMessageRecipients, writeCourseMessage } from './correspondence.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

/** The course's correspondence: its MedCom messages in and out, read and written by the home municipality's staff. */
export function registerCorrespondenceRoutes(app: App, deps: Pick<MessagingRouteDeps, 'db' | 'clock'>): void {
  const ctx = (request: Parameters<typeof staffContext>[0]) => staffContext(request, deps);

  app.get('/api/courses/:courseId/messages', {
    schema: {
      tags: ['messaging'],
      summary: "The course's messages sent and received, newest first: state (sent, delivered, failed with the reason, received), the organisation on the other side, category, topic, texts and attachments (the read is audited)",
      params: courseIdParams,
      response: { 200: courseMessageList, ...errors },
    },
    handler: async (request) => listCourseCorrespondence(ctx(request), request.params.courseId),
  });

  app.post('/api/courses/:courseId/messages', {
    schema: {
      tags: ['messaging'],
      summary:
        'Write a MedCom CareCommunication from the course: new (to the citizen’s GP or a hospital department with SOR code and GLN), a reply to a received message, or a forward; validated and queued in the outbox (audited)',
      params: courseIdParams,
      body: courseMessageWrite,
      response: { 201: courseMessage, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await writeCourseMessage(ctx(request), request.params.courseId, request.body)),
  });

  app.get('/api/courses/:courseId/messages/recipients', {
    schema: {
      tags: ['messaging'],
      summary: 'Whom the course can write to: the citizen’s GP and the hospital departments, each with whether it can receive electronically (SOR code and GLN), and why the municipality cannot send, if it cannot',
      params: courseIdParams,
      response: { 200: messageRecipients, ...errors },
    },
    handler: async (request) => listMessageRecipients(ctx(request), request.params.courseId),
  });

  app.get('/api/courses/:courseId/messages/:messageId/attachments/:index', {
    schema: {
      tags: ['messaging'],
      summary: 'An attachment a message of the course carries (the read is audited)',
      params: courseMessageAttachmentParams,
      produces: ['application/pdf', 'application/octet-stream'],
      response: { 200: z.any().describe('the attachment'), ...errors },
    },
    handler: async (request, reply) => {
      const { bytes, contentType, filename } = await getCourseMessageAttachment(ctx(request), request.params.courseId, request.params.messageId, request.params.index);
      return reply
        .type(contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  });
}
