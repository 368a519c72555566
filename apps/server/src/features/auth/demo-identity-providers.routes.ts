import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles, type Role } from '@samkraft/contracts/common';
import type { App } from '../../platform/http/types.ts';
import { demoPage, html } from './demo-pages.ts';
import { buildSamlResponse, type SamlIdpKeys, type SamlSpTarget, type Tamper } from '../../platform/auth/saml/demo-saml-identity-provider.ts';
import { mountDemoSamlIdp } from '../../platform/auth/saml/demo-saml-idp-endpoints.ts';
import { staffAssertionSubject, type DemoStaffDirectory } from './demo-staff-directory.ts';
import { createDemoStaffOidcProvider, type DemoStaffOidcProvider } from './demo-staff-oidc-provider.ts';
import { DEMO_SAML_IDP_PATH, DEMO_STAFF_OIDC_PATH, type OidcProviderConfig } from './sign-in-config.ts';

export type DemoIdentityProvidersSettings = {
  directory: DemoStaffDirectory;
  saml?: { idp: SamlIdpKeys; sp: SamlSpTarget };
  oidc?: { provider: OidcProviderConfig; urls: { callback: string; backchannel: string; postLogout: string } };
};

/**
 * The local identity providers for staff (demo mode and tests), in this process:
 * - a SAML IdP under /demo-saml-idp (KOMBIT-shaped, signed and encrypted assertions; HTTP-Redirect
 *   for requests, HTTP-POST for the response; single logout both ways);
 * - an OIDC provider under /demo-staff-idp (oidc-provider, with a `groups` claim and back-channel logout);
 * - their users' page (/demo-saml-idp/brugere), where a user's roles are changed and a SAML
 *   session is ended from the IdP (IdP-initiated single logout).
 */
export function registerDemoIdentityProviders(app: App, s: DemoIdentityProvidersSettings): { samlResponse?: (o: { accountId: string; inResponseTo: string; tamper?: Tamper }) => Promise<string> } {
  let created: Promise<DemoStaffOidcProvider> | undefined;
  const oidc = s.oidc;
  const oidcProvider = () => (created ??= createDemoStaffOidcProvider(oidc!.provider, oidc!.urls, s.directory, (event, detail) => app.log.warn({ event, detail }, 'the local staff OIDC provider refused a step')));

  if (oidc) {
    void app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
      scope.all(`${DEMO_STAFF_OIDC_PATH}/*`, { schema: { hide: true } }, async (request, reply) => {
        const p = await oidcProvider();
        const raw = request.raw as IncomingMessage & { originalUrl?: string };
        raw.originalUrl = raw.url;
        raw.url = (raw.url ?? '/').slice(DEMO_STAFF_OIDC_PATH.length) || '/';
        reply.hijack();
        p.handle(raw, reply.raw);
      });
    });
  }

  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_request, body, done) => {
      const params = new URLSearchParams(String(body));
      const out: Record<string, string | string[]> = {};
      for (const key of new Set(params.keys())) {
        const all = params.getAll(key);
        out[key] = all.length > 1 ? all : (all[0] ?? '');
      }
      done(null, out);
    });
    const uid = z.object({ uid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
    const accountPicker = (action: string) =>
      `<form method="post" action="${html(action)}"><ul>${s.directory
        .accounts()
        .map((a) => `<li><button type="submit" name="account" value="${html(a.id)}">${html(a.name)}</button> <span>${html(a.roles.join(', ') || 'ingen roller')} · NSIS ${html(a.loa)}</span></li>`)
        .join('')}</ul></form>`;

    if (oidc) {
      scope.get(`${DEMO_STAFF_OIDC_PATH}/interaction/:uid`, { schema: { hide: true, params: uid } }, async (request, reply) => {
        const i = await (await oidcProvider()).interaction(request.raw, reply.raw);
        return reply.type('text/html; charset=utf-8').send(demoPage('Lokal Microsoft-konto – vælg bruger', `<h1>Lokal Microsoft-konto (demo)</h1><p>Her logger en medarbejder i en rigtig installation ind med kommunens Microsoft-konto. Vælg en demo-medarbejder.</p>${accountPicker(`${DEMO_STAFF_OIDC_PATH}/interaction/${i.uid}`)}`));
      });
      scope.post(`${DEMO_STAFF_OIDC_PATH}/interaction/:uid`, { schema: { hide: true, params: uid, body: z.object({ account: z.string().min(1).max(64) }) } }, async (request, reply) => {
        return reply.redirect(await (await oidcProvider()).login(request.raw, reply.raw, request.body.account), 303);
      });
    }

    const saml = s.saml;
    const samlSessions = saml
      ? mountDemoSamlIdp(scope, {
          path: DEMO_SAML_IDP_PATH,
          idp: saml.idp,
          sp: saml.sp,
          page: demoPage,
          texts: {
            title: 'Fælleskommunal Adgangsstyring (demo)',
            intro: 'Her logger en medarbejder i en rigtig installation ind gennem KOMBITs Context Handler. Vælg en demo-medarbejder.',
            forwarding: 'Du sendes videre til Samkraft',
            continue: 'Fortsæt til Samkraft',
            loggedOut: 'Logget ud overalt',
            back: { href: '/login', label: 'Til Samkraft' },
          },
          field: 'account',
          picker: accountPicker,
          subjectFor: (choice) => {
            const account = s.directory.find(choice);
            return account && staffAssertionSubject(account);
          },
        }).sessions
      : new Map<string, { choice: string }>();

    // The users' page: roles changed as an administrator changes them at the provider; SAML sessions ended from the IdP.
    const usersPage = `${DEMO_SAML_IDP_PATH}/brugere`;
    scope.get(usersPage, { schema: { hide: true } }, async (_request, reply) => {
      const accounts = s.directory.accounts();
      const sessions = [...samlSessions.entries()];
      return reply.type('text/html; charset=utf-8').send(
        demoPage(
          'Lokale identitetsudbydere – brugere',
          `<h1>Lokale identitetsudbydere – brugere</h1><p>Demo-medarbejderne hos den lokale KOMBIT-udbyder og den lokale Microsoft-konto. En ændret rolle gælder fra næste login.</p>${accounts
            .map(
              (a) =>
                `<form method="post" action="${usersPage}/${html(a.id)}"><fieldset><legend>${html(a.name)}</legend>${roles
                  .map((r) => `<label><input type="checkbox" name="role" value="${r}"${a.roles.includes(r) ? ' checked' : ''}> ${r}</label> `)
                  .join('')}<button type="submit" name="save" value="1">Gem roller for ${html(a.name)}</button></fieldset></form>`,
            )
            .join('')}<h2>SAML-sessioner</h2>${
            sessions.length === 0
              ? '<p>Ingen.</p>'
              : `<ul>${sessions
                  .map(([index, v]) => `<li><form method="post" action="${DEMO_SAML_IDP_PATH}/logout"><input type="hidden" name="session" value="${html(index)}"><button type="submit">Log ${html(s.directory.find(v.choice)?.name ?? v.choice)} ud overalt</button></form></li>`)
                  .join('')}</ul>`
          }`,
        ),
      );
    });
    scope.post(`${usersPage}/:account`, { schema: { hide: true, params: z.object({ account: z.string().regex(/^[a-z0-9-]{1,64}$/) }), body: z.object({ role: z.union([z.string(), z.array(z.string())]).optional(), save: z.string().optional() }) } }, async (request, reply) => {
      const chosen = [request.body.role ?? []].flat().filter((r): r is Role => (roles as readonly string[]).includes(r));
      s.directory.setRoles(request.params.account, chosen);
      return reply.redirect(usersPage, 303);
    });
  });

  const saml = s.saml;
  return saml ? { samlResponse: (o) => buildSamlResponse({ subject: staffAssertionSubject(s.directory.find(o.accountId)!), idp: saml.idp, sp: saml.sp, inResponseTo: o.inResponseTo, sessionIndex: `_s${randomBytes(8).toString('hex')}`, ...(o.tamper ? { tamper: o.tamper } : {}) }) } : {};
}

/**
 * The relying party's back channel to a local provider (discovery, keys, token): over HTTP to the
 * server itself once it listens, else (route tests) through app.inject in the process.
 */
export function localBackChannel(app: App, issuer: string) {
  const origin = new URL(issuer);
  return async (url: string, options: { method: string; headers: Record<string, string>; body?: unknown }): Promise<Response> => {
    const target = new URL(url);
    if (target.origin !== origin.origin || !target.pathname.startsWith(`${origin.pathname}/`)) throw new Error('the local back channel reaches only the local identity provider');
    if (app.server.listening) return fetch(url, options as RequestInit);
    const body = options.body instanceof URLSearchParams ? options.body.toString() : typeof options.body === 'string' ? options.body : undefined;
    const res = await app.inject({
      method: options.method as 'GET',
      url: target.pathname + target.search,
      headers: { ...options.headers, host: target.host, 'x-forwarded-proto': target.protocol.slice(0, -1) },
      ...(body === undefined ? {} : { payload: body }),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined) continue;
      for (const v of [value].flat()) headers.append(name, String(v));
    }
    return new Response(res.statusCode === 204 || res.statusCode === 304 ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers });
  };
}
