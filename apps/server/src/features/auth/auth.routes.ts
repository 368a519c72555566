import { z } from 'zod';
import { demoLoginBody, demoUsers, loginBody, sessionInfo } from '@samkraft/contracts/auth';
import { apiError } from '@samkraft/contracts/common';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { clearSessionCookie, setSessionCookie } from './auth.plugin.ts';
import { requireStaff } from '../../platform/http/require-staff.ts';
import { listDemoUsers, signInAsDemoUser, signInWithPassword, signOut, type AuthDeps } from './auth.service.ts';
import { propertyOf } from '@samkraft/contracts/typed';

const errors = { 400: apiError, 401: apiError, 403: apiError, 429: apiError };

export function registerAuthRoutes(app: App, deps: AuthDeps, opts: { cookieSecure: boolean; signInLimitPerMinute: number }): void {
  // Per client address (X-Forwarded-For counts only from a trusted proxy, app.ts) …
  const signInLimit = { rateLimit: { max: opts.signInLimitPerMinute, timeWindow: '1 minute' } };
  // … and per account, so guesses spread over many addresses still meet a limit.
  const perAccount = app.createRateLimit({
    max: 10,
    timeWindow: '15 minutes',
    keyGenerator: (request) => `sign-in-account:${accountKey(request.body)}`,
  });

  app.get('/api/auth/session', {
    schema: { tags: ['auth'], summary: 'The current session, with the CSRF token for state-changing requests', response: { 200: sessionInfo, ...errors } },
    handler: async (request) => {
      requireStaff(request);
      return request.auth!.info;
    },
  });

  app.get('/api/auth/demo-users', {
    schema: { tags: ['auth'], summary: 'Demo users to pick on the sign-in page (empty when demo is off)', security: [], response: { 200: demoUsers } },
    handler: async () => listDemoUsers(deps),
  });

  app.post('/api/auth/login', {
    config: signInLimit,
    preHandler: async (request, reply) => {
      const limit = await perAccount(request);
      if (limit.isAllowed || !limit.isExceeded) return;
      void reply.header('retry-after', limit.ttlInSeconds);
      throw new AppError('rate_limited', 'Too many sign-in attempts for this account; wait and try again');
    },
    schema: { tags: ['auth'], summary: 'Sign in with username and password', security: [], body: loginBody, response: { 200: sessionInfo, ...errors } },
    handler: async (request, reply) => {
      const signed = await signInWithPassword(deps, request.body.username, request.body.password, request.headers['user-agent'] ?? null);
      setSessionCookie(reply, signed.token, opts.cookieSecure);
      return signed.info;
    },
  });

  app.post('/api/auth/demo-login', {
    config: signInLimit,
    schema: { tags: ['auth'], summary: 'Sign in as a demo user (demo installations only)', security: [], body: demoLoginBody, response: { 200: sessionInfo, ...errors } },
    handler: async (request, reply) => {
      const signed = await signInAsDemoUser(deps, request.body.userId, request.headers['user-agent'] ?? null);
      setSessionCookie(reply, signed.token, opts.cookieSecure);
      return signed.info;
    },
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out and end the session', body: z.strictObject({}).nullish(), response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      if (!request.auth) throw new AppError('unauthenticated', 'Not signed in');
      await signOut(deps, request.auth);
      clearSessionCookie(reply, opts.cookieSecure);
      return reply.status(204).send(null);
    },
  });
}

/** The account a sign-in names, as the lookup matches it (case-insensitive). */
function accountKey(body: unknown): string {
  const username = propertyOf(body, 'username');
  return typeof username === 'string' ? username.trim().toLowerCase() : '';
}
