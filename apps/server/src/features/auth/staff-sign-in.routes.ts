import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signInMethods, signInProvidersView, signOutResult } from '@samkraft/contracts/auth';
import { apiError } from '@samkraft/contracts/common';
import { hasRole } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { requireStaff } from '../../platform/http/require-staff.ts';
import type { App } from '../../platform/http/types.ts';
import { clearSessionCookie, setSessionCookie } from './auth.plugin.ts';
import { signOut } from './auth.service.ts';
import { samlServiceProvider, samlUrls, type SamlServiceProvider } from '../../platform/auth/saml/saml-service-provider.ts';
import { readKey, staffSignInMethods, type SamlProviderConfig, type StaffSignIn } from './sign-in-config.ts';
import { describeProvider } from './staff-identity.rules.ts';
import { oidcUrls, staffRelyingParty, type BackChannelFetch, type StaffRelyingParty } from './staff-oidc-relying-party.ts';
import {
  completeOidcSignIn,
  completeSamlSignIn,
  endProviderSessions,
  sessionProvider,
  STAFF_SIGN_IN_MINUTES,
  startOidcSignIn,
  startSamlSignIn,
  type StaffSignInDeps,
  type StaffSignInOutcome,
} from './staff-sign-in.service.ts';

export const STAFF_SIGN_IN_COOKIE = 'samkraft_staff_sign_in';
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError };
const signInPage = (reason: string) => `/login?fejl=${reason}`;

/**
 * Staff sign-in through identity providers: SAML 2.0 under /api/auth/saml/<provider>/ (login,
 * ACS, metadata, single logout) and OpenID Connect under /api/auth/oidc/<provider>/ (login,
 * callback, back-channel logout); the sign-in page's choices, signing out with the provider, and
 * the administrators' view of the providers and mappings. The login, ACS and callback routes are
 * the browser's navigations (redirects); refusals go to the sign-in page with their reason.
 */
export function registerStaffSignInRoutes(app: App, deps: StaffSignInDeps, o: { cookieSecure: boolean; backChannel?: (issuer: string) => BackChannelFetch }): void {
  const signIn: StaffSignIn = deps.signIn;
  // The configured providers by id, so the OpenAPI document names them (any id when none is configured).
  const ids = signIn.providers.map((p) => p.id);
  const providerParams = z.strictObject({ provider: ids.length > 0 ? z.enum(ids as [string, ...string[]]) : z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a provider id') });
  const samlProviders = new Map<string, Promise<SamlServiceProvider<SamlProviderConfig>>>();
  const oidcProviders = new Map<string, StaffRelyingParty>();
  const saml = (id: string) => {
    const p = signIn.methods.has('saml') ? signIn.providers.find((x) => x.kind === 'saml' && x.id === id) : undefined;
    if (!p || p.kind !== 'saml') return undefined;
    let sp = samlProviders.get(id);
    if (!sp) {
      sp = samlServiceProvider(p, { id: p.id, idp: { ...p.idp, certificate: readKey(p.idp.certificate) }, sp: { entityId: p.sp.entityId, privateKey: readKey(p.sp.privateKey), certificate: readKey(p.sp.certificate) }, requestedLevel: signIn.personDataLevel }, signIn.publicUrl);
      samlProviders.set(id, sp);
    }
    return sp;
  };
  const oidc = (id: string) => {
    const p = signIn.methods.has('oidc') ? signIn.providers.find((x) => x.kind === 'oidc' && x.id === id) : undefined;
    if (!p || p.kind !== 'oidc') return undefined;
    let rp = oidcProviders.get(id);
    if (!rp) {
      rp = staffRelyingParty(p, signIn.publicUrl, o.backChannel?.(p.issuer));
      oidcProviders.set(id, rp);
    }
    return rp;
  };
  const offered = signIn.providers.filter((p) => signIn.methods.has(p.kind));

  const landed = (reply: FastifyReply, outcome: StaffSignInOutcome, log: { warn: (o: object, m: string) => void }): FastifyReply => {
    if (outcome.ok) {
      setSessionCookie(reply, outcome.token, o.cookieSecure);
      return reply.redirect('/', 303);
    }
    // The user sees the reason in words; the operator needs the library's cause to fix a setup.
    if (outcome.cause) log.warn({ reason: outcome.reason, cause: outcome.cause }, "the identity provider's answer was refused");
    clearSessionCookie(reply, o.cookieSecure);
    return reply.redirect(signInPage(outcome.reason), 303);
  };

  app.get('/api/auth/sign-in-methods', {
    schema: { tags: ['auth'], summary: 'How staff may sign in here: a button per identity provider, and whether passwords and demo users are on', security: [], response: { 200: signInMethods } },
    handler: async () => ({
      password: signIn.methods.has('password'),
      demo: deps.auth.demo && signIn.methods.has('demo'),
      providers: offered.map((p) => ({ id: p.id, kind: p.kind, label: p.label, loginUrl: p.kind === 'saml' ? samlUrls('', p.id).login : oidcUrls('', p.id).login })),
    }),
  });

  app.get('/api/admin/sign-in-providers', {
    schema: { tags: ['auth'], summary: "The staff sign-in methods, providers and role mappings, in words (administrators)", response: { 200: signInProvidersView, ...errors } },
    handler: async (request) => {
      const actor = requireStaff(request);
      if (!hasRole(actor, 'administrator')) throw AppError.forbidden('Only administrators see the sign-in configuration');
      return {
        methods: { on: staffSignInMethods.filter((m) => signIn.methods.has(m)), off: staffSignInMethods.filter((m) => !signIn.methods.has(m)) },
        personDataLevel: signIn.personDataLevel,
        providers: signIn.providers.map(describeProvider),
      };
    },
  });

  app.post('/api/auth/sign-out', {
    schema: { tags: ['auth'], summary: "Signs out; the identity provider's logout URL to visit next (single logout), or null", body: z.strictObject({}).nullish(), response: { 200: signOutResult, ...errors } },
    handler: async (request, reply) => {
      requireStaff(request);
      const session = request.auth!;
      const via = await sessionProvider(deps, session.tokenHash);
      await signOut(deps.auth, session);
      clearSessionCookie(reply, o.cookieSecure);
      if (!via) return { logoutUrl: null };
      const sp = saml(via.provider);
      if (sp) return { logoutUrl: await (await sp).logoutUrl({ nameId: via.subject, nameIdForm: via.nameIdForm, sessionIndex: via.sessionRef }, 'logget-ud') };
      const rp = oidc(via.provider);
      return { logoutUrl: rp ? await rp.endSessionUrl().catch(() => null) : null };
    },
  });

  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // The IdP posts forms (ACS, SLO, back-channel logout); JSON stays for everything else.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 262_144 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    // ── SAML 2.0 ──
    scope.get('/api/auth/saml/:provider/login', {
      schema: { tags: ['auth'], summary: 'Sends the browser to the SAML identity provider with a signed AuthnRequest (303)', security: [], params: providerParams, response: { 404: apiError } },
      handler: async (request, reply) => {
        const sp = saml(request.params.provider);
        if (!sp) throw AppError.notFound('sign-in provider');
        try {
          return reply.redirect(await startSamlSignIn(deps, await sp), 303);
        } catch (err) {
          request.log.error({ err }, 'the SAML sign-in could not start');
          return reply.redirect(signInPage('unavailable'), 303);
        }
      },
    });
    scope.post('/api/auth/saml/:provider/acs', {
      schema: {
        tags: ['auth'],
        summary: "The SAML identity provider's answer (HTTP-POST): the assertion checked, the user provisioned, a session opened; redirects (303)",
        security: [],
        params: providerParams,
        body: z.strictObject({ SAMLResponse: z.string().min(1).max(200_000), RelayState: z.string().max(200).optional() }),
        response: { 404: apiError },
      },
      handler: async (request, reply) => {
        const sp = saml(request.params.provider);
        if (!sp) throw AppError.notFound('sign-in provider');
        const outcome = await completeSamlSignIn(deps, await sp, request.body, request.headers['user-agent'] ?? null, request.id);
        return landed(reply, outcome, request.log);
      },
    });
    scope.get('/api/auth/saml/:provider/metadata', {
      schema: { tags: ['auth'], summary: "Samkraft's SAML service provider metadata (XML), for the identity provider", security: [], params: providerParams, response: { 200: z.string(), 404: apiError } },
      handler: async (request, reply) => {
        const sp = saml(request.params.provider);
        if (!sp) throw AppError.notFound('sign-in provider');
        return reply.type('application/samlmetadata+xml; charset=utf-8').send(await (await sp).metadata());
      },
    });
    const sloQuery = z.strictObject({ SAMLRequest: z.string().max(20_000).optional(), SAMLResponse: z.string().max(20_000).optional(), RelayState: z.string().max(400).optional(), SigAlg: z.string().max(200).optional(), Signature: z.string().max(2000).optional() });
    scope.get('/api/auth/saml/:provider/slo', {
      schema: { tags: ['auth'], summary: 'SAML single logout (HTTP-Redirect): a LogoutRequest from the IdP ends the sessions it names; a LogoutResponse ends ours (303)', security: [], params: providerParams, querystring: sloQuery, response: { 404: apiError } },
      handler: async (request, reply) => {
        const sp = saml(request.params.provider);
        if (!sp) throw AppError.notFound('sign-in provider');
        const provider = await sp;
        const originalQuery = request.url.slice(request.url.indexOf('?') + 1);
        let message: Awaited<ReturnType<SamlServiceProvider<SamlProviderConfig>['readLogout']>>;
        try {
          message = await provider.readLogout(request.query, originalQuery);
        } catch (err) {
          request.log.warn({ cause: err instanceof Error ? err.message : String(err) }, 'a SAML logout message was refused');
          return reply.redirect(signInPage('provider'), 303);
        }
        if (message.kind === 'response') return reply.redirect('/login?logget-ud=1', 303);
        await endProviderSessions(deps, provider.provider.id, { subject: message.nameId, ...(message.sessionIndex ? { sessionRef: message.sessionIndex } : {}) }, request.id);
        return reply.redirect(await provider.logoutResponseUrl(message.profile, request.query.RelayState ?? ''), 303);
      },
    });

    scope.post('/api/auth/saml/:provider/slo', {
      schema: {
        tags: ['auth'],
        summary: 'SAML single logout (HTTP-POST): a LogoutRequest from the IdP ends the sessions it names; a LogoutResponse ends ours (303)',
        security: [],
        params: providerParams,
        body: z.strictObject({ SAMLRequest: z.string().max(200_000).optional(), SAMLResponse: z.string().max(200_000).optional(), RelayState: z.string().max(400).optional() }),
        response: { 404: apiError },
      },
      handler: async (request, reply) => {
        const sp = saml(request.params.provider);
        if (!sp) throw AppError.notFound('sign-in provider');
        const provider = await sp;
        let message: Awaited<ReturnType<SamlServiceProvider<SamlProviderConfig>['readLogoutPost']>>;
        try {
          message = await provider.readLogoutPost(request.body);
        } catch (err) {
          request.log.warn({ cause: err instanceof Error ? err.message : String(err) }, 'a SAML logout message was refused');
          return reply.redirect(signInPage('provider'), 303);
        }
        if (message.kind === 'response') return reply.redirect('/login?logget-ud=1', 303);
        await endProviderSessions(deps, provider.provider.id, { subject: message.nameId, ...(message.sessionIndex ? { sessionRef: message.sessionIndex } : {}) }, request.id);
        return reply.redirect(await provider.logoutResponseUrl(message.profile, request.body.RelayState ?? ''), 303);
      },
    });

    // ── OpenID Connect ──
    scope.get('/api/auth/oidc/:provider/login', {
      schema: { tags: ['auth'], summary: 'Sends the browser to the OpenID Connect provider (authorization code with PKCE; 303)', security: [], params: providerParams, response: { 404: apiError } },
      handler: async (request, reply) => {
        const rp = oidc(request.params.provider);
        if (!rp) throw AppError.notFound('sign-in provider');
        let started: { token: string; url: string };
        try {
          started = await startOidcSignIn(deps, rp);
        } catch (err) {
          request.log.error({ err }, 'the OpenID Connect provider could not be reached');
          return reply.redirect(signInPage('unavailable'), 303);
        }
        void reply.setCookie(STAFF_SIGN_IN_COOKIE, started.token, { httpOnly: true, secure: o.cookieSecure, sameSite: 'lax', path: '/api/auth/oidc/', maxAge: STAFF_SIGN_IN_MINUTES * 60 });
        return reply.redirect(started.url, 303);
      },
    });
    scope.get('/api/auth/oidc/:provider/callback', {
      schema: {
        tags: ['auth'],
        summary: "The OpenID Connect provider's answer: code exchanged, id token checked, the user provisioned, a session opened; redirects (303)",
        security: [],
        params: providerParams,
        querystring: z.strictObject({ code: z.string().max(2000).optional(), state: z.string().max(400).optional(), iss: z.string().max(400).optional(), session_state: z.string().max(400).optional(), error: z.string().max(200).optional(), error_description: z.string().max(2000).optional() }),
        response: { 404: apiError },
      },
      handler: async (request, reply) => {
        const rp = oidc(request.params.provider);
        if (!rp) throw AppError.notFound('sign-in provider');
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const outcome = await completeOidcSignIn(deps, rp, request.cookies[STAFF_SIGN_IN_COOKIE], query, request.headers['user-agent'] ?? null, request.id);
        void reply.clearCookie(STAFF_SIGN_IN_COOKIE, { httpOnly: true, secure: o.cookieSecure, sameSite: 'lax', path: '/api/auth/oidc/' });
        return landed(reply, outcome, request.log);
      },
    });
    scope.post('/api/auth/oidc/:provider/backchannel-logout', {
      schema: { tags: ['auth'], summary: "OpenID Connect back-channel logout: the provider's signed logout token ends the session of its sid (or subject)", security: [], params: providerParams, body: z.strictObject({ logout_token: z.string().min(1).max(20_000) }), response: { 200: z.null(), 400: apiError, 404: apiError } },
      handler: async (request, reply) => {
        const rp = oidc(request.params.provider);
        if (!rp) throw AppError.notFound('sign-in provider');
        let named: { sid: string | null; sub: string | null };
        try {
          named = await rp.verifyLogoutToken(request.body.logout_token);
        } catch (err) {
          request.log.warn({ cause: err instanceof Error ? err.message : String(err) }, 'a back-channel logout token was refused');
          throw AppError.validation([{ field: 'body.logout_token', code: 'invalid_value', message: 'is not a valid logout token' }]);
        }
        await endProviderSessions(deps, rp.provider.id, named.sid ? { sessionRef: named.sid } : { subject: named.sub! }, request.id);
        void reply.header('cache-control', 'no-store');
        return reply.status(200).send(null);
      },
    });
  });
}
