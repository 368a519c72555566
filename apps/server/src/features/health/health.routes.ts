import { z } from 'zod';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { writeHealthProbe } from './health.repository.ts';

export function registerHealthRoutes(app: App, database: Database): void {
  app.get('/api/health', {
    schema: { tags: ['operations'], summary: 'Liveness: the process answers', security: [], response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/api/ready', {
    schema: {
      tags: ['operations'],
      summary: 'Readiness: the database answers and writes',
      security: [],
      response: {
        200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }),
        503: z.object({ status: z.literal('unavailable'), database: z.enum(['pglite', 'postgres']) }),
      },
    },
    handler: async (request, reply) => {
      try {
        await writeHealthProbe(database.db);
        return { status: 'ready' as const, database: database.kind };
      } catch (err) {
        request.log.warn({ err }, 'not ready: the database does not answer or cannot write');
        return reply.status(503).send({ status: 'unavailable' as const, database: database.kind });
      }
    },
  });
}
