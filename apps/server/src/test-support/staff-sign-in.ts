import type { LightMyRequestResponse } from 'fastify';
import { readRedirectMessage } from '../platform/auth/saml/demo-saml-identity-provider.ts';
import { resolveStaffSignIn, type StaffSignIn } from '../features/auth/sign-in-config.ts';
import type { App } from '../platform/http/types.ts';
import { browse, type CookieJar, location } from './citizen-sign-in.ts';

/** Staff sign-in as demo mode wires it at http://localhost: every method, the local SAML IdP and OIDC provider. */
export function localStaffSignIn(o: { methods?: StaffSignIn['methods'] extends ReadonlySet<infer M> ? M[] : never } = {}): StaffSignIn {
  return resolveStaffSignIn({ demo: true, publicUrl: 'http://localhost', methods: o.methods, configFile: undefined });
}

/** Starts a SAML sign-in: the AuthnRequest's ID and the RelayState the IdP must send back, and the IdP's URL. */
export async function startSaml(app: App, jar: CookieJar, provider = 'kombit'): Promise<{ requestId: string; relayState: string; idpUrl: string }> {
  const idpUrl = location(await browse(app, jar, `/api/auth/saml/${provider}/login`));
  const u = new URL(idpUrl);
  const request = readRedirectMessage(u.searchParams.get('SAMLRequest') ?? '') as { AuthnRequest?: { '@ID'?: string } };
  return { requestId: request.AuthnRequest?.['@ID'] ?? '', relayState: u.searchParams.get('RelayState') ?? '', idpUrl };
}

export const postAcs = (app: App, jar: CookieJar, samlResponse: string, relayState: string, provider = 'kombit'): Promise<LightMyRequestResponse> =>
  browse(app, jar, `/api/auth/saml/${provider}/acs`, { method: 'POST', form: { SAMLResponse: samlResponse, RelayState: relayState } });

/** The whole SAML journey through the local IdP's pages, picking this account; returns the ACS's answer. */
export async function signInThroughSaml(app: App, jar: CookieJar, accountId: string): Promise<LightMyRequestResponse> {
  const { idpUrl } = await startSaml(app, jar);
  const picker = await browse(app, jar, idpUrl);
  const action = /<form method="post" action="([^"]+)"/.exec(picker.body)?.[1];
  if (!action) throw new Error(`the local IdP offered no accounts: ${picker.statusCode} ${picker.body.slice(0, 300)}`);
  const post = await browse(app, jar, action.replaceAll('&#38;', '&'), { method: 'POST', form: { account: accountId } });
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(post.body)?.[1] ?? '';
  if (!field('SAMLResponse')) throw new Error(`the local IdP sent no response: ${post.statusCode} ${post.body.slice(0, 300)}`);
  return postAcs(app, jar, field('SAMLResponse'), field('RelayState'));
}

/** The whole OIDC journey through the local provider's pages, picking this account; returns the callback's answer. */
export async function signInThroughOidc(app: App, jar: CookieJar, accountId: string, o: { tamperAuthorizeUrl?: (url: string) => string } = {}): Promise<LightMyRequestResponse> {
  let authorize = location(await browse(app, jar, '/api/auth/oidc/gladsaxe-entra/login'));
  if (o.tamperAuthorizeUrl) authorize = o.tamperAuthorizeUrl(authorize);
  const toInteraction = location(await browse(app, jar, authorize));
  const resume = location(await browse(app, jar, toInteraction, { method: 'POST', form: { account: accountId } }));
  const callback = location(await browse(app, jar, resume));
  return browse(app, jar, callback);
}
