import { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { renderCatalogue, renderIntervention } from './public-catalogue.service.ts';

/** Per client address, like the other public routes (in memory per instance). */
export const PUBLIC_CATALOGUE_LIMIT_PER_MINUTE = 120;
const CACHE = 'public, max-age=300';

/**
 * The public catalogue at /tilbud: server-rendered HTML, no session (not under /api, so the
 * session guard does not apply), no script. Hidden from the OpenAPI document, which is the API's.
 */
export function registerPublicCatalogueRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const config = { rateLimit: { max: PUBLIC_CATALOGUE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };
  app.get('/tilbud', { config, schema: { hide: true } }, async (request, reply) => {
    const page = await renderCatalogue(deps, request.query as Record<string, unknown>);
    return reply.status(page.status).header('cache-control', page.status === 200 ? CACHE : 'no-store').type('text/html; charset=utf-8').send(page.html);
  });
  app.get(
    '/tilbud/:interventionCode',
    { config, schema: { hide: true, params: z.object({ interventionCode: z.string().max(40) }), querystring: z.object({ lang: z.string().max(10).optional() }) } },
    async (request, reply) => {
      const page = await renderIntervention(deps, request.params.interventionCode, request.query.lang === 'en' ? 'en' : 'da');
      return reply.status(page.status).header('cache-control', page.status === 200 ? CACHE : 'no-store').type('text/html; charset=utf-8').send(page.html);
    },
  );
}
