import type { IncomingMessage } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { createDemoIdentityProvider, DEMO_IDP_PATH, testPersonPickerPage, type DemoIdentityProvider, type DemoProviderSettings } from './demo-identity-provider.ts';
import type { BackChannelFetch } from './oidc-relying-party.ts';

/**
 * Mounts the demo identity provider under /demo-idp (demo mode only): oidc-provider's own
 * endpoints, and its login page, which lists the official test persons. Created on first use.
 */
export function registerDemoIdentityProvider(app: App, settings: DemoProviderSettings): void {
  let created: Promise<DemoIdentityProvider> | undefined;
  const provider = () => (created ??= createDemoIdentityProvider(settings, (event, detail) => app.log.warn({ event, detail }, 'the demo identity provider refused a step')));

  void app.register(async (scope) => {
    // oidc-provider reads its own request bodies (token endpoint, logout form).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    scope.all(`${DEMO_IDP_PATH}/*`, { schema: { hide: true } }, async (request, reply) => {
      const p = await provider();
      const raw = request.raw as IncomingMessage & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? '/').slice(DEMO_IDP_PATH.length) || '/';
      reply.hijack();
      p.handle(raw, reply.raw);
    });
  });

  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    const params = z.object({ uid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

    scope.get(`${DEMO_IDP_PATH}/interaction/:uid`, { schema: { hide: true, params } }, async (request, reply) => {
      const p = await provider();
      const interaction = await p.interaction(request.raw, reply.raw);
      return reply.type('text/html; charset=utf-8').send(testPersonPickerPage(interaction.uid, p.persons));
    });
    scope.post(`${DEMO_IDP_PATH}/interaction/:uid`, { schema: { hide: true, params, body: z.object({ person: z.string().min(1).max(64) }) } }, async (request, reply) => {
      const p = await provider();
      return reply.redirect(await p.login(request.raw, reply.raw, request.body.person), 303);
    });
    scope.post(`${DEMO_IDP_PATH}/interaction/:uid/cancel`, { schema: { hide: true, params } }, async (request, reply) => {
      const p = await provider();
      return reply.redirect(await p.cancel(request.raw, reply.raw), 303);
    });
  });
}

/**
 * The relying party's back channel to the demo provider (discovery, keys, token, userinfo): over
 * HTTP to the server itself once it listens, else (route tests) through app.inject in the process.
 */
export function demoBackChannel(app: App, issuer: string): BackChannelFetch {
  const origin = new URL(issuer);
  return async (url, options) => {
    const target = new URL(url);
    if (target.origin !== origin.origin || !target.pathname.startsWith(`${DEMO_IDP_PATH}/`)) throw new Error('the demo back channel reaches only the demo identity provider');
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
