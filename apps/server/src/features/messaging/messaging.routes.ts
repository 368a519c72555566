import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import { messageListQuery, messagePage, messageParams, messageSummary, placeMessageBody, unmatchedMessageCount, unmatchedMessageList } from '@samkraft/contracts/messaging';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { MAX_MESSAGE_BYTES } from './file-drop.transport.ts';
import { receiveIncoming } from './inbox.service.ts';
import type { MessagingLog } from './inbox.types.ts';
import { countUnmatchedMessages, listMessagesForAdministrator, listUnmatchedMessages, placeMessage } from './messaging.service.ts';
import { registerCorrespondenceRoutes } from './correspondence.routes.ts';
import { bearerTokenMatches } from './messaging.rules.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

export type MessagingRouteDeps = {
  db: Db;
  clock: Clock;
  /**
   * The token a sender of FHIR messages gives (`Authorization: Bearer …`); unset = the route
   * refuses every message. Real deployments terminate the health network's mutual TLS (VANS, the
   * Beskedfordeler, EHMI) in a proxy in front, which alone holds the token.
   */
  token: string | undefined;
  /** Messages a minute per client address on the message route. */
  limitPerMinute?: number;
};

export const MESSAGE_LIMIT_PER_MINUTE = 120;

export function registerMessagingRoutes(app: App, deps: MessagingRouteDeps): void {
  const ctx = (request: Parameters<typeof staffContext>[0]) => staffContext(request, deps);

  // The message route takes FHIR JSON as bytes: the inbox reads it as it reads a dropped file.
  void app.register(async (scope) => {
    scope.addContentTypeParser(['application/fhir+json', 'application/json'], { parseAs: 'buffer', bodyLimit: MAX_MESSAGE_BYTES }, (_request, body, done) => done(null, body));
    scope.post('/api/messages', {
      bodyLimit: MAX_MESSAGE_BYTES,
      config: { rateLimit: { max: deps.limitPerMinute ?? MESSAGE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['messaging'],
        summary:
          'Receive a MedCom FHIR message (application/fhir+json) from the health network, as the file-drop inbox does: a CareCommunication or a HospitalNotification is answered with its Acknowledgement (200, the Bundle), a duplicate with the same acknowledgement again, an Acknowledgement is taken (202); not a staff route — it needs the shared token (Authorization: Bearer), and is refused when none is configured',
        security: [{ messageToken: [] }],
        response: { 200: z.record(z.string(), z.unknown()), 202: z.object({ received: z.literal(true) }), ...errors },
      },
      handler: async (request, reply) => {
        if (!deps.token) throw AppError.forbidden('The message route is not configured (SAMKRAFT_MESSAGES_TOKEN is unset)');
        if (!bearerTokenMatches(request.headers.authorization, deps.token)) throw new AppError('unauthenticated', 'A message needs the shared token (Authorization: Bearer …)');
        const bytes = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
        const log: MessagingLog = request.log;
        const result = await receiveIncoming({ db: deps.db, clock: deps.clock, log, requestId: request.id }, { bytes });
        if (result.outcome === 'rejected') {
          log.warn({ reason: result.reason }, 'message rejected');
          throw AppError.validation([{ field: 'body', code: 'invalid', message: result.reason }], `The message was refused: ${result.reason}`);
        }
        if (!result.answer) return reply.status(202).send({ received: true });
        return reply.status(200).type(result.answer.contentType).send(Buffer.from(result.answer.bytes));
      },
    });
  });

  app.get('/api/messages', {
    schema: {
      tags: ['messaging'],
      summary: 'The inbox and outbox (administrators): every message sent and received with its state, sends and reason, newest first',
      querystring: messageListQuery,
      response: { 200: messagePage, ...errors },
    },
    handler: async (request) => listMessagesForAdministrator(ctx(request), request.query),
  });

  app.get('/api/messages/unmatched', {
    schema: {
      tags: ['messaging'],
      summary: "Your municipality's received messages that no course was found for, to be placed by a contact person or lead (each shown is audited)",
      response: { 200: unmatchedMessageList, ...errors },
    },
    handler: async (request) => listUnmatchedMessages(ctx(request)),
  });

  app.get('/api/messages/unmatched/count', {
    schema: {
      tags: ['messaging'],
      summary: "How many of your municipality's received messages wait to be placed on a course (contact persons and leads)",
      response: { 200: unmatchedMessageCount, ...errors },
    },
    handler: async (request) => countUnmatchedMessages(ctx(request)),
  });

  app.post('/api/messages/:messageId/place', {
    schema: {
      tags: ['messaging'],
      summary: 'Place a received message that no course was found for on a course of your municipality (audited)',
      params: messageParams,
      body: placeMessageBody,
      response: { 200: messageSummary, ...errors },
    },
    handler: async (request) => placeMessage(ctx(request), request.params.messageId, request.body.courseId),
  });

  registerCorrespondenceRoutes(app, deps);
}
