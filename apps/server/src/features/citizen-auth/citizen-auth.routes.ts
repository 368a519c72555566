import { z } from 'zod';
import { citizenSessionInfo, citizenSignInMethods, citizenSignOutResult } from '@samkraft/contracts/borger';
import type { Clock } from '../../platform/clock.ts';
import type { CitizenSignInConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/database/database.ts';
import { requireCitizen } from '../../platform/http/require-citizen.ts';
import type { App } from '../../platform/http/types.ts';
import { citizenSignInPage as signInPage, clearCitizenSessionCookie, clearSignInCookie, CITIZEN_SIGN_IN_COOKIE, landCitizen, setSignInCookie } from './citizen-auth.plugin.ts';
import { signOutCitizen } from './citizen-session.service.ts';
import { citizenSamlLogoutUrl, citizenSessionIdp } from './citizen-saml-sign-in.service.ts';
import type { CitizenSamlProvider } from './citizen-saml.ts';
import { completeCitizenSignIn, SIGN_IN_MINUTES, startCitizenSignIn, type CitizenAuthDeps } from './citizen-sign-in.service.ts';
import type { RelyingParty } from './oidc-relying-party.ts';

export type CitizenAuthRouteDeps = {
  db: Db;
  clock: Clock;
  signIn: CitizenSignInConfig;
  rp: RelyingParty | undefined;
  /** NemLog-in (SAML), when configured: its service provider, built on first use. */
  saml: (() => Promise<CitizenSamlProvider>) | undefined;
  cookieSecure: boolean;
};

/**
 * The citizen's sign-in and sign-out. `/borger/auth/log-ind` and `/borger/auth/callback` are the
 * browser's navigations to and from the identity provider (redirects, not JSON: outside the
 * OpenAPI document); the session and sign-out are the citizen's API.
 */
export function registerCitizenAuthRoutes(app: App, deps: CitizenAuthRouteDeps): void {
  const signIn = deps.signIn;
  const auth: CitizenAuthDeps | undefined = signIn.mode === 'off' || !deps.rp ? undefined : { db: deps.db, clock: deps.clock, rp: deps.rp, settings: signIn };

  app.get('/borger/auth/log-ind', { schema: { hide: true, querystring: z.object({ til: z.string().max(200).optional() }) } }, async (request, reply) => {
    if (!auth) return reply.redirect(signInPage('unavailable'), 303);
    let started: { token: string; url: string };
    try {
      started = await startCitizenSignIn(auth, request.query.til);
    } catch (err) {
      request.log.error({ err }, 'the identity provider could not be reached');
      return reply.redirect(signInPage('unavailable'), 303);
    }
    setSignInCookie(reply, started.token, deps.cookieSecure, SIGN_IN_MINUTES * 60);
    return reply.redirect(started.url, 303);
  });

  // The provider's answer: whatever it adds to the query (iss, session_state …) goes to openid-client as is.
  app.get('/borger/auth/callback', { schema: { hide: true } }, async (request, reply) => {
    if (!auth) return reply.redirect(signInPage('unavailable'), 303);
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const providerError = new URLSearchParams(query).get('error') ?? undefined;
    const outcome = await completeCitizenSignIn(auth, request.cookies[CITIZEN_SIGN_IN_COOKIE], query, providerError, request.id);
    clearSignInCookie(reply, deps.cookieSecure);
    return landCitizen(reply, outcome, request.log, deps.cookieSecure);
  });

  app.get('/api/auth/citizen-sign-in-methods', {
    schema: { tags: ['auth'], summary: 'The ways in the citizen sign-in page offers: MitID through the broker (OpenID Connect) and MitID through NemLog-in (SAML)', security: [], response: { 200: citizenSignInMethods } },
    handler: async () => ({ oidc: auth !== undefined, saml: deps.saml !== undefined }),
  });

  app.get('/api/borger/session', {
    schema: { tags: ['borger'], summary: 'The signed-in citizen (their own session)', security: [{ citizenSession: [] }], response: { 200: citizenSessionInfo } },
    handler: async (request) => {
      requireCitizen(request);
      return request.citizenAuth!.info;
    },
  });

  app.post('/api/borger/auth/sign-out', {
    schema: { tags: ['borger'], summary: "Signs the citizen out; the identity provider's end-session URL to visit next", security: [{ citizenSession: [] }], response: { 200: citizenSignOutResult } },
    handler: async (request, reply) => {
      requireCitizen(request);
      const session = request.citizenAuth!;
      // A session opened through NemLog-in ends there with a signed LogoutRequest; any other with the broker's end-session URL.
      const idp = await citizenSessionIdp(deps, session);
      const brokerLogoutUrl = await signOutCitizen({ db: deps.db, rp: idp ? undefined : deps.rp }, session, request.id);
      clearCitizenSessionCookie(reply, deps.cookieSecure);
      if (!idp) return { logoutUrl: brokerLogoutUrl };
      const saml = deps.saml;
      return { logoutUrl: saml ? await saml().then((sp) => citizenSamlLogoutUrl(sp, idp)).catch(() => null) : null };
    },
  });
}
