import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SamlServiceProvider } from '../../platform/auth/saml/saml-service-provider.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { citizenSignInPage as signInPage, clearCitizenSessionCookie, landCitizen } from './citizen-auth.plugin.ts';
import { completeCitizenSamlSignIn, endCitizenSamlSessions, startCitizenSamlSignIn } from './citizen-saml-sign-in.service.ts';
import { NEMLOGIN_ID, type CitizenSamlProvider } from './citizen-saml.ts';

export type CitizenSamlRouteDeps = { db: Db; clock: Clock; sessions: { idleMinutes: number; maxMinutes: number }; sp: () => Promise<CitizenSamlProvider>; cookieSecure: boolean };

const base = `/api/auth/saml/${NEMLOGIN_ID}`;

/**
 * Citizens through NemLog-in (SAML 2.0, OIOSAML 3) under /api/auth/saml/nemlog-in/: login (to
 * NemLog-in with a signed AuthnRequest), the ACS (NemLog-in's signed and encrypted answer; a
 * citizen session on success), the SP metadata, and single logout (a LogoutRequest from NemLog-in
 * ends the citizen's sessions of its NameID; a LogoutResponse ends our SP-initiated logout). The
 * browser's navigations, as the OpenID Connect ones under /borger/auth/: not in the OpenAPI
 * document, no session needed.
 */
export function registerCitizenSamlRoutes(app: App, deps: CitizenSamlRouteDeps): void {
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // NemLog-in posts forms (ACS, SLO).
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 262_144 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    scope.get(`${base}/login`, { schema: { hide: true, security: [], querystring: z.object({ til: z.string().max(200).optional() }) } }, async (request, reply) => {
      try {
        return reply.redirect(await startCitizenSamlSignIn(deps, await deps.sp(), request.query.til), 303);
      } catch (err) {
        request.log.error({ err }, 'the NemLog-in sign-in could not start');
        return reply.redirect(signInPage('unavailable'), 303);
      }
    });

    scope.post(`${base}/acs`, { schema: { hide: true, security: [], body: z.strictObject({ SAMLResponse: z.string().min(1).max(200_000), RelayState: z.string().max(200).optional() }) } }, async (request, reply) => {
      let sp: CitizenSamlProvider;
      try {
        sp = await deps.sp();
      } catch (err) {
        request.log.error({ err }, 'the NemLog-in service provider could not be built');
        return reply.redirect(signInPage('unavailable'), 303);
      }
      return landCitizen(reply, await completeCitizenSamlSignIn(deps, sp, request.body, request.id), request.log, deps.cookieSecure);
    });

    scope.get(`${base}/metadata`, { schema: { hide: true, security: [] } }, async (request, reply) => {
      try {
        return reply.type('application/samlmetadata+xml; charset=utf-8').send(await (await deps.sp()).metadata());
      } catch (err) {
        request.log.error({ err }, 'the NemLog-in service provider could not be built');
        return reply.status(503).send('unavailable');
      }
    });

    /** A logout message read: a LogoutRequest ends the sessions it names and is answered; a LogoutResponse lands on the signed-out page. */
    const logout = async (read: (sp: CitizenSamlProvider) => ReturnType<SamlServiceProvider['readLogout']>, relayState: string, request: { id: string; log: { warn: (o: object, m: string) => void } }) => {
      let sp: CitizenSamlProvider;
      let message: Awaited<ReturnType<SamlServiceProvider['readLogout']>>;
      try {
        sp = await deps.sp();
        message = await read(sp);
      } catch (err) {
        request.log.warn({ cause: err instanceof Error ? err.message : String(err) }, 'a NemLog-in logout message was refused');
        return signInPage('provider');
      }
      if (message.kind === 'response') return '/borger/logget-ud';
      await endCitizenSamlSessions(deps, message.nameId, message.sessionIndex, request.id);
      return sp.logoutResponseUrl(message.profile, relayState);
    };
    const sloQuery = z.strictObject({ SAMLRequest: z.string().max(20_000).optional(), SAMLResponse: z.string().max(20_000).optional(), RelayState: z.string().max(400).optional(), SigAlg: z.string().max(200).optional(), Signature: z.string().max(2000).optional() });
    scope.get(`${base}/slo`, { schema: { hide: true, security: [], querystring: sloQuery } }, async (request, reply) => {
      const originalQuery = request.url.slice(request.url.indexOf('?') + 1);
      const to = await logout((sp) => sp.readLogout(request.query, originalQuery), request.query.RelayState ?? '', request);
      if (to === '/borger/logget-ud') clearCitizenSessionCookie(reply, deps.cookieSecure);
      return reply.redirect(to, 303);
    });
    scope.post(`${base}/slo`, { schema: { hide: true, security: [], body: z.strictObject({ SAMLRequest: z.string().max(200_000).optional(), SAMLResponse: z.string().max(200_000).optional(), RelayState: z.string().max(400).optional() }) } }, async (request, reply) => {
      const to = await logout((sp) => sp.readLogoutPost(request.body), request.body.RelayState ?? '', request);
      if (to === '/borger/logget-ud') clearCitizenSessionCookie(reply, deps.cookieSecure);
      return reply.redirect(to, 303);
    });
  });
}
