import type { FastifyRequest } from 'fastify';
import { audit } from '../audit/audit.ts';
import { belowPersonDataLevel } from '../auth/actor.ts';
import type { Db } from '../database/database.ts';
import { AppError } from '../errors.ts';
import { gatedPath, openBelowPersonDataLevel } from './person-data-gate.ts';
import type { App } from './types.ts';

type Security = Record<string, unknown>[];

/**
 * Which session a route needs, from its OpenAPI `security` — the document and the check are one
 * declaration: none given = the document's default, a staff session; `[{ citizenSession: [] }]`
 * a citizen session; `[]` or another scheme (the message token) none, the route checks its own.
 */
export function sessionNeeded(security: Security | undefined): 'staff' | 'citizen' | 'none' {
  const s = security ?? [{ session: [] }];
  if (s.some((r) => 'session' in r)) return 'staff';
  if (s.some((r) => 'citizenSession' in r)) return 'citizen';
  return 'none';
}

/**
 * A request to an API route without the session the route needs is answered 401 before its
 * input is read (so nothing about the input reaches someone not signed in). A staff session is
 * never a citizen's and a citizen session never a staff member's: each kind has its own cookie,
 * resolved by its own plugin only on its own routes. The route's service still decides access.
 */
export function registerSessionGuard(app: App, db: Db): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (request.is404) return;
    const actor = request.auth?.actor;
    if (actor && belowPersonDataLevel(actor) && gatedPath(request.url) && !openBelowPersonDataLevel(request.routeOptions.url ?? '', request.url)) {
      // A refused access is audited — the route (its pattern: the input is not read, so no record or citizen is named) and the levels.
      const route = request.routeOptions.url ?? null;
      request.log.warn({ userId: actor.userId, route }, 'refused: the sign-in is below the NSIS level person data asks');
      await audit(db, { actor, requestId: request.id }, [
        { action: 'auth.person_data_refused', citizenId: null, outcome: 'denied', detail: { reason: 'assurance_level', method: request.method, route, level: actor.assurance?.level ?? null, required: actor.assurance?.required ?? null } },
      ]);
      throw new AppError('assurance_level', "Your sign-in's NSIS level does not give access to citizens' information: sign in at the level your municipality requires");
    }
    if (!request.url.startsWith('/api/')) return;
    const security = (request.routeOptions.schema as { security?: Security } | undefined)?.security;
    const needed = sessionNeeded(security);
    if (needed === 'staff' && !request.auth) throw new AppError('unauthenticated', 'Sign in first');
    if (needed === 'citizen' && !request.citizenAuth) throw new AppError('unauthenticated', 'Sign in as a citizen first');
  });
}
