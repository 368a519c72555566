import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { resolveSession, type AuthDeps } from './auth.service.ts';
import { safeEqual } from './session.rules.ts';

export const SESSION_COOKIE = 'samkraft_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const PROVIDER_POSTS = /^\/api\/auth\/(saml\/[a-z0-9-]+\/(acs|slo)|oidc\/[a-z0-9-]+\/backchannel-logout)(\?|$)/;

/**
 * Resolves the session cookie on every API request, JSON (`/api/`) and FHIR (`/fhir/`) alike (into `request.auth`, declared with
 * `requireStaff` in platform/http/require-staff.ts) and enforces CSRF: a state-changing request
 * in a session must carry the session's token in `x-csrf-token` (synchronizer token pattern).
 */
export function registerAuthentication(app: App, deps: AuthDeps): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/fhir/')) return;
    // The citizen's API has its own sessions (features/citizen-auth): a staff session is never one there.
    if (request.url.startsWith('/api/borger/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? ((await resolveSession(deps, token)) ?? null) : null;
    // The identity providers' posts (SAML ACS and logout, OIDC back-channel logout) carry their own
    // proof (a signature, the sign-in's RelayState), never our CSRF token.
    if (request.auth && !SAFE_METHODS.has(request.method) && !PROVIDER_POSTS.test(request.url)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, request.auth.csrfSecret)) {
        throw new AppError('csrf', 'Missing or wrong CSRF token (header x-csrf-token)', [{ field: 'headers.x-csrf-token', code: 'csrf_token', message: 'is missing or wrong' }]);
      }
    }
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  // A session cookie (no Max-Age): the server enforces idle and absolute expiry.
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, secure, sameSite: 'strict', path: '/' });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, secure, sameSite: 'strict', path: '/' });
}
