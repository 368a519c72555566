import type * as Jose from 'jose';
import type * as OpenIdClient from 'openid-client';
import type { OidcProviderConfig } from './sign-in-config.ts';

/** fetch() as openid-client and jose call it; the local provider's back channel goes through app.inject before the server listens. */
export type BackChannelFetch = (url: string, options: { method: string; headers: Record<string, string>; body?: unknown; redirect?: string; signal?: AbortSignal }) => Promise<Response>;

export type FlowChecks = { state: string; nonce: string; codeVerifier: string };

export type StaffRelyingParty = {
  provider: OidcProviderConfig;
  begin: () => Promise<{ checks: FlowChecks; url: string }>;
  /** Code exchanged with PKCE; state, nonce, issuer and the id token's signature checked (openid-client). Throws on a mismatch. */
  complete: (callbackQuery: string, checks: FlowChecks) => Promise<{ claims: Record<string, unknown> }>;
  /** RP-initiated logout: the provider's end-session URL, or null when it has none. */
  endSessionUrl: () => Promise<string | null>;
  /**
   * A back-channel logout token (OpenID Connect Back-Channel Logout 1.0 §2.6): signed by the
   * provider's key, our client as audience, the logout event, no nonce; its `sid` and `sub`.
   */
  verifyLogoutToken: (token: string) => Promise<{ sid: string | null; sub: string | null }>;
};

export const oidcUrls = (publicUrl: string, id: string) => ({
  callback: `${publicUrl}/api/auth/oidc/${id}/callback`,
  backchannel: `${publicUrl}/api/auth/oidc/${id}/backchannel-logout`,
  postLogout: `${publicUrl}/login?logget-ud=1`,
  login: `/api/auth/oidc/${id}/login`,
});

/** Staff sign-in through OpenID Connect (Entra ID, OS2faktor): authorization code with PKCE, state and nonce (openid-client 6). */
export function staffRelyingParty(p: OidcProviderConfig, publicUrl: string, backChannel?: BackChannelFetch): StaffRelyingParty {
  const urls = oidcUrls(publicUrl, p.id);
  let loaded: Promise<{ client: typeof OpenIdClient; config: OpenIdClient.Configuration }> | undefined;
  const load = () => {
    loaded ??= (async () => {
      const client = await import('openid-client');
      const execute = p.issuer.startsWith('http:') ? [client.allowInsecureRequests] : [];
      const config = await client.discovery(new URL(p.issuer), p.clientId, { redirect_uris: [urls.callback] }, client.ClientSecretBasic(p.clientSecret), {
        execute,
        ...(backChannel ? { [client.customFetch]: backChannel } : {}),
      });
      return { client, config };
    })().catch((err: unknown) => {
      loaded = undefined;
      throw err;
    });
    return loaded;
  };
  let jwks: ReturnType<typeof Jose.createRemoteJWKSet> | undefined;

  return {
    provider: p,
    begin: async () => {
      const { client, config } = await load();
      const checks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: urls.callback,
        scope: p.scope,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { checks, url: url.href };
    },
    complete: async (callbackQuery, checks) => {
      const { client, config } = await load();
      const current = new URL(urls.callback);
      current.search = callbackQuery;
      const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true });
      const claims = tokens.claims();
      if (!claims) throw new Error('the provider sent no id token');
      return { claims: { ...claims } };
    },
    endSessionUrl: async () => {
      const { client, config } = await load();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, { post_logout_redirect_uri: urls.postLogout, client_id: p.clientId }).href;
    },
    verifyLogoutToken: async (token) => {
      const { config } = await load();
      const meta = config.serverMetadata();
      if (!meta.jwks_uri) throw new Error('the provider has no jwks_uri');
      const jose = await import('jose');
      jwks ??= jose.createRemoteJWKSet(new URL(meta.jwks_uri), backChannel ? { [jose.customFetch]: backChannel as never } : {});
      const { payload } = await jose.jwtVerify(token, jwks, { issuer: meta.issuer, audience: p.clientId, maxTokenAge: '5m' });
      const events = payload.events as Record<string, unknown> | undefined;
      if (!events || typeof events !== 'object' || !('http://schemas.openid.net/event/backchannel-logout' in events)) throw new Error('not a logout token (no backchannel-logout event)');
      if ('nonce' in payload) throw new Error('a logout token must not carry a nonce');
      const sid = typeof payload.sid === 'string' ? payload.sid : null;
      const sub = typeof payload.sub === 'string' ? payload.sub : null;
      if (!sid && !sub) throw new Error('the logout token names neither sid nor sub');
      return { sid, sub };
    },
  };
}
