import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { safeEqual } from '../auth/session.rules.ts';
import { resolveCitizenSession, type CitizenSessionDeps } from './citizen-session.service.ts';
import type { SignInOutcome } from './citizen-sign-in.service.ts';

/** The citizen's session cookie: its own name, and sent only to the citizen's API. */
export const CITIZEN_SESSION_COOKIE = 'samkraft_borger';
const CITIZEN_SESSION_PATH = '/api/borger';
/** The sign-in under way: only to the sign-in and callback routes, and sent on the provider's redirect back (Lax). */
export const CITIZEN_SIGN_IN_COOKIE = 'samkraft_borger_login';
const CITIZEN_SIGN_IN_PATH = '/borger/auth';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the citizen cookie on requests to the citizen's API only (`/api/borger/`, into
 * `request.citizenAuth`, declared with `requireCitizen` in platform/http/require-citizen.ts) and
 * enforces CSRF there as the staff plugin does: a state-changing request in a citizen session
 * carries the session's token in `x-csrf-token`. The staff plugin does not read `/api/borger/`.
 */
export function registerCitizenAuthentication(app: App, deps: CitizenSessionDeps): void {
  app.decorateRequest('citizenAuth', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith(`${CITIZEN_SESSION_PATH}/`)) return;
    const token = request.cookies[CITIZEN_SESSION_COOKIE];
    const session = token ? ((await resolveCitizenSession(deps, token)) ?? null) : null;
    request.citizenAuth = session;
    if (session && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfSecret)) {
        throw new AppError('csrf', 'Missing or wrong CSRF token (header x-csrf-token)', [{ field: 'headers.x-csrf-token', code: 'csrf_token', message: 'is missing or wrong' }]);
      }
    }
  });
}

export function setCitizenSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(CITIZEN_SESSION_COOKIE, token, { httpOnly: true, secure, sameSite: 'strict', path: CITIZEN_SESSION_PATH });
}

export function clearCitizenSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(CITIZEN_SESSION_COOKIE, { httpOnly: true, secure, sameSite: 'strict', path: CITIZEN_SESSION_PATH });
}

export function setSignInCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number): void {
  void reply.setCookie(CITIZEN_SIGN_IN_COOKIE, token, { httpOnly: true, secure, sameSite: 'lax', path: CITIZEN_SIGN_IN_PATH, maxAge: maxAgeSeconds });
}

export function clearSignInCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(CITIZEN_SIGN_IN_COOKIE, { httpOnly: true, secure, sameSite: 'lax', path: CITIZEN_SIGN_IN_PATH });
}

/** The citizen sign-in page with a refusal's reason. */
export const citizenSignInPage = (reason: string) => `/borger/log-ind?fejl=${reason}`;

/**
 * Where a citizen lands from an identity provider (broker or NemLog-in): signed in, with the
 * session cookie, at the page asked for; or refused — at /borger/ukendt for a person Samkraft
 * does not know, else the sign-in page with the reason — and whoever was signed in on this browser
 * before is not any more (a shared device). The citizen sees only "try again"; the operator gets
 * the library's cause in the log.
 */
export function landCitizen(reply: FastifyReply, outcome: SignInOutcome, log: FastifyBaseLogger, secure: boolean): FastifyReply {
  if (outcome.ok) {
    setCitizenSessionCookie(reply, outcome.token, secure);
    return reply.redirect(outcome.returnTo, 303);
  }
  if (outcome.cause) log.warn({ cause: outcome.cause }, "the identity provider's answer could not be used");
  clearCitizenSessionCookie(reply, secure);
  return reply.redirect(outcome.reason === 'unknown_citizen' ? '/borger/ukendt' : citizenSignInPage(outcome.reason), 303);
}
