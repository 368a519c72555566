import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
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
export function registerSessionGuard(app: App): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/') || request.is404) return;
    const security = (request.routeOptions.schema as { security?: Security } | undefined)?.security;
    const needed = sessionNeeded(security);
    if (needed === 'staff' && !request.auth) throw new AppError('unauthenticated', 'Sign in first');
    if (needed === 'citizen' && !request.citizenAuth) throw new AppError('unauthenticated', 'Sign in as a citizen first');
  });
}
