import type { FastifyRequest } from 'fastify';
import { courseIdParams } from '@samkraft/contracts/assessments';
import { apiError } from '@samkraft/contracts/common';
import { crossReferralIdParams } from '@samkraft/contracts/cross-referrals';
import {
  courseStatusNotes,
  homeStatusNote,
  providerStatusNotes,
  statusNote,
  statusNoteCreate,
  statusNoteIdParams,
  statusNoteInbox,
  statusNoteInboxQuery,
  statusNoteUnreadCount,
} from '@samkraft/contracts/status-notes';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { getCourseStatusNotes, getProviderStatusNotes, getStatusNoteInbox, getUnreadCount, openStatusNote, writeStatusNote } from './status-note.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };

export function registerStatusNoteRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: FastifyRequest) => staffContext(request, deps);

  app.get('/api/provider-inbox/:crossReferralId/status-notes', {
    schema: {
      tags: ['status-notes'],
      summary: 'The status notes the provider wrote on one referral, with attendance and goals for the draft',
      params: crossReferralIdParams,
      response: { 200: providerStatusNotes, ...errors },
    },
    handler: async (request) => getProviderStatusNotes(ctx(request), request.params.crossReferralId),
  });

  app.post('/api/provider-inbox/:crossReferralId/status-notes', {
    schema: {
      tags: ['status-notes'],
      summary: "Send a status note to the home municipality; the end note's course-end date starts the closing-conversation clock",
      params: crossReferralIdParams,
      body: statusNoteCreate,
      response: { 201: statusNote, ...errors, 409: apiError },
    },
    handler: async (request, reply) => reply.status(201).send(await writeStatusNote(ctx(request), request.params.crossReferralId, request.body)),
  });

  app.get('/api/status-notes', {
    schema: {
      tags: ['status-notes'],
      summary: "The home municipality's inbox of status notes, newest first (filters: unread, mine)",
      querystring: statusNoteInboxQuery,
      response: { 200: statusNoteInbox, ...errors },
    },
    handler: async (request) => getStatusNoteInbox(ctx(request), request.query),
  });

  app.get('/api/status-notes/unread-count', {
    schema: { tags: ['status-notes'], summary: 'Unread status notes of the municipality and of my courses', response: { 200: statusNoteUnreadCount, ...errors } },
    handler: async (request) => getUnreadCount(ctx(request)),
  });

  app.get('/api/status-notes/:statusNoteId', {
    schema: { tags: ['status-notes'], summary: 'Open one status note; the first opening marks it read', params: statusNoteIdParams, response: { 200: homeStatusNote, ...errors } },
    handler: async (request) => openStatusNote(ctx(request), request.params.statusNoteId),
  });

  app.get('/api/courses/:courseId/status-notes', {
    schema: { tags: ['status-notes'], summary: "A course's status notes from providers", params: courseIdParams, response: { 200: courseStatusNotes, ...errors } },
    handler: async (request) => getCourseStatusNotes(ctx(request), request.params.courseId),
  });
}
