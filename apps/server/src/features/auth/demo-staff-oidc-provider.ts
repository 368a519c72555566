import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type { DemoStaffDirectory } from './demo-staff-directory.ts';
import { demoGroup, DEMO_STAFF_OIDC_PATH, type OidcProviderConfig } from './sign-in-config.ts';
import { demoPage, html } from './demo-pages.ts';

export type DemoStaffOidcProvider = {
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  interaction: (req: IncomingMessage, res: ServerResponse) => Promise<{ uid: string }>;
  login: (req: IncomingMessage, res: ServerResponse, accountId: string) => Promise<string>;
};

const LOA = { low: 'https://data.gov.dk/concept/core/nsis/Low', substantial: 'https://data.gov.dk/concept/core/nsis/Substantial', high: 'https://data.gov.dk/concept/core/nsis/High' } as const;

/**
 * The local OpenID Connect provider for staff (demo mode and tests): a second oidc-provider
 * instance, apart from the citizens', standing in for a municipality's Entra ID or OS2faktor. Its
 * id token carries `groups` (one per role of the account, as the local directory now says), `loa`
 * and `sid`; it does RP-initiated and back-channel logout. Keys new at every start; memory store.
 */
export async function createDemoStaffOidcProvider(p: OidcProviderConfig, urls: { callback: string; backchannel: string; postLogout: string }, directory: DemoStaffDirectory, onError: (event: string, detail: string) => void = () => {}): Promise<DemoStaffOidcProvider> {
  const { default: Provider } = await import('oidc-provider');
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const configuration: Configuration = {
    clients: [
      {
        client_id: p.clientId,
        client_secret: p.clientSecret,
        redirect_uris: [urls.callback],
        post_logout_redirect_uris: [urls.postLogout],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
        backchannel_logout_uri: urls.backchannel,
        backchannel_logout_session_required: true,
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'demo-staff-signing', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', 'email'],
    claims: { openid: ['sub', 'sid', 'groups', 'loa'], profile: ['name'], email: ['email'] },
    conformIdTokenClaims: false,
    // oidc-provider refuses to call loopback and private addresses (SSRF protection); the local
    // provider's one outgoing call is Samkraft's own back-channel logout, on loopback in demo mode.
    fetch: (url, options) => {
      if ((url instanceof URL ? url.href : typeof url === "string" ? url : url.url) !== urls.backchannel) return globalThis.fetch(url, options);
      const { dispatcher: _ssrfGuard, ...rest } = options as RequestInit & { dispatcher?: unknown };
      return globalThis.fetch(url, rest);
    },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
      const account = directory.accounts().find((a) => a.nameId === sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, name: account.name, email: account.email, groups: account.roles.map(demoGroup), loa: LOA[account.loa] }) };
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx, interaction) => `${DEMO_STAFF_OIDC_PATH}/interaction/${interaction.uid}` },
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? '');
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!ctx.oidc.session?.accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = demoPage('Log ud – lokal Microsoft-konto', `<h1>Log ud af den lokale Microsoft-konto?</h1><p>Du logges ud her og i Samkraft.</p>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Log ud</button>`);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = demoPage('Logget ud', '<h1>Du er logget ud</h1><p><a href="/login">Til Samkraft</a></p>');
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = demoPage('Fejl – lokal Microsoft-konto', `<h1>Login kunne ikke fortsætte</h1><p>${html(String(out.error ?? 'error'))}: ${html(String(out.error_description ?? ''))}</p>`);
    },
  };
  const provider = new Provider(p.issuer, configuration);
  provider.proxy = p.issuer.startsWith('https:');
  const report = (event: string) => (_ctx: unknown, err: { error?: string; error_detail?: string; message?: string }) => onError(event, `${err.error ?? err.message ?? 'error'}${err.error_detail ? `: ${err.error_detail}` : ''}`);
  provider.on('grant.error', report('grant.error'));
  provider.on('authorization.error', report('authorization.error'));
  provider.on('end_session.error', report('end_session.error'));
  provider.on('backchannel.error', report('backchannel.error'));
  provider.on('server_error', report('server_error'));
  // Koa's listener, as Node's request listener (its promise is Koa's own to settle).
  const handle = provider.callback() as (req: IncomingMessage, res: ServerResponse) => void;
  return {
    handle,
    interaction: async (req, res) => ({ uid: (await provider.interactionDetails(req, res)).uid }),
    login: async (req, res, accountId) => {
      const account = directory.find(accountId);
      if (!account) throw new Error('not a demo account');
      const interaction = await provider.interactionDetails(req, res);
      if (interaction.session) {
        await (await provider.Session.find(interaction.session.cookie))?.destroy();
        delete interaction.session;
      }
      interaction.result = { login: { accountId: account.nameId, amr: ['pwd'] } };
      await interaction.save(Math.max(1, interaction.exp - Math.floor(Date.now() / 1000)));
      return interaction.returnTo;
    },
  };
}
