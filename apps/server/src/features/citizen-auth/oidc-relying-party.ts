import type * as OpenIdClient from 'openid-client';
import type { CitizenSignInConfig } from '../../platform/config.ts';

export type OidcSettings = Extract<CitizenSignInConfig, { mode: 'broker' | 'demo' }>;

/** fetch() as openid-client calls it; the demo provider's back channel goes through app.inject. */
export type BackChannelFetch = (url: string, options: { method: string; headers: Record<string, string>; body?: unknown; redirect?: string; signal?: AbortSignal }) => Promise<Response>;

export type FlowChecks = { state: string; nonce: string; codeVerifier: string };

export type RelyingParty = {
  /** Fresh state, nonce and PKCE verifier, and the provider's URL to send the browser to. */
  begin: () => Promise<{ checks: FlowChecks; url: string }>;
  /**
   * The provider's answer at the callback: code exchanged (PKCE), state, nonce, issuer and the id
   * token's signature checked by openid-client; the id token's claims, with the userinfo's when
   * the provider has that endpoint (brokers may put the CPR only there). Throws on any mismatch.
   */
  complete: (callbackQuery: string, checks: FlowChecks) => Promise<{ claims: Record<string, unknown> }>;
  /**
   * The provider's end-session URL for RP-initiated logout (naming the client, not the id token:
   * a broker's id token may carry the CPR, so it is not kept), or null when it has none.
   */
  endSessionUrl: () => Promise<string | null>;
};

/**
 * The relying party (openid-client 6): authorization code flow with PKCE, state and nonce, the
 * provider found by discovery from its issuer (once, on first use, again after a failure).
 */
export function oidcRelyingParty(settings: OidcSettings, backChannel?: BackChannelFetch): RelyingParty {
  let loaded: Promise<{ client: typeof OpenIdClient; config: OpenIdClient.Configuration }> | undefined;
  const load = () => {
    loaded ??= (async () => {
      const client = await import('openid-client');
      const execute = settings.issuer.startsWith('http:') ? [client.allowInsecureRequests] : [];
      const config = await client.discovery(
        new URL(settings.issuer),
        settings.clientId,
        { redirect_uris: [settings.redirectUri] },
        client.ClientSecretBasic(settings.clientSecret),
        { execute, ...(backChannel ? { [client.customFetch]: backChannel } : {}) },
      );
      return { client, config };
    })().catch((err: unknown) => {
      loaded = undefined;
      throw err;
    });
    return loaded;
  };

  return {
    begin: async () => {
      const { client, config } = await load();
      const checks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scope,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        // A fresh authentication every time: a shared device must never reuse the last person's.
        prompt: 'login',
      });
      return { checks, url: url.href };
    },
    complete: async (callbackQuery, checks) => {
      const { client, config } = await load();
      const current = new URL(settings.redirectUri);
      current.search = callbackQuery;
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('the provider sent no id token');
      let claims: Record<string, unknown> = { ...idClaims };
      if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
        const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...userinfo, ...claims };
      }
      return { claims };
    },
    endSessionUrl: async () => {
      const { client, config } = await load();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, { post_logout_redirect_uri: settings.postLogoutRedirectUri, client_id: settings.clientId }).href;
    },
  };
}
