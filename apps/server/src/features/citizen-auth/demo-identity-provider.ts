import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { demoProviderStore } from './demo-provider-store.ts';
import { demoTestPersons, type DemoTestPerson } from './demo-test-persons.ts';

/** Where the demo provider is mounted in the server, and so the path part of its issuer. */
export const DEMO_IDP_PATH = '/demo-idp';

/** NSIS Substantial, as MitID brokers write it in the `loa` claim. */
export const NSIS_SUBSTANTIAL = 'https://data.gov.dk/concept/core/nsis/Substantial';

export type DemoProviderSettings = { issuer: string; clientId: string; clientSecret: string; redirectUri: string; postLogoutRedirectUri: string };

export type DemoIdentityProvider = {
  persons: DemoTestPerson[];
  /** Koa's request listener: the request's URL must already be stripped of DEMO_IDP_PATH. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** The interaction (login prompt) behind the request's cookies: its id and the client asking. */
  interaction: (req: IncomingMessage, res: ServerResponse) => Promise<{ uid: string; prompt: string }>;
  /** Finishes the login prompt as the picked person; returns where the browser goes next. */
  login: (req: IncomingMessage, res: ServerResponse, sub: string) => Promise<string>;
  /** Ends the prompt as a refusal (the citizen cancelled). */
  cancel: (req: IncomingMessage, res: ServerResponse) => Promise<string>;
};

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain page of the local citizen identity providers (OIDC and NemLog-in). */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title><style>body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f5f5f5}main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem}button{font:inherit;min-height:44px;padding:.5rem 1rem;border:2px solid #0059b3;background:#0059b3;color:#fff;border-radius:4px;cursor:pointer}
.secondary{background:#fff;color:#0059b3}</style></head><body><main>${body}</main></body></html>`;
}

/**
 * A local OpenID Connect provider for demo mode and tests (oidc-provider), in the server's own
 * process under /demo-idp. It stands in for a MitID broker: the person is picked from the official
 * test persons instead of authenticated, and the claims are shaped as Signaturgruppen's broker
 * shapes them (`dk.cpr` under scope `ssn`, the NSIS level in `loa`). Its keys, client secret and
 * cookie keys are new at every start; its sessions and codes live in memory (one instance).
 */
export async function createDemoIdentityProvider(s: DemoProviderSettings, onError: (event: string, detail: string) => void = () => {}): Promise<DemoIdentityProvider> {
  const { default: Provider } = await import('oidc-provider');
  const persons = demoTestPersons();
  const bySub = new Map(persons.map((p) => [p.sub, p]));
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const configuration: Configuration = {
    clients: [
      {
        client_id: s.clientId,
        client_secret: s.clientSecret,
        redirect_uris: [s.redirectUri],
        post_logout_redirect_uris: [s.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'demo-signing', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'mitid', 'ssn', 'profile'],
    claims: { openid: ['sub'], mitid: ['loa', 'ial', 'aal', 'idp'], profile: ['name', 'given_name', 'family_name', 'birthdate'], ssn: ['dk.cpr'] },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
      const person = bySub.get(sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          idp: 'demo',
          loa: NSIS_SUBSTANTIAL,
          ial: NSIS_SUBSTANTIAL,
          aal: NSIS_SUBSTANTIAL,
          name: `${person.givenName} ${person.familyName}`,
          given_name: person.givenName,
          family_name: person.familyName,
          birthdate: person.birthDate,
          'dk.cpr': person.cpr,
        }),
      };
    },
    adapter: demoProviderStore(),
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx, interaction) => `${DEMO_IDP_PATH}/interaction/${interaction.uid}` },
    // A first-party client: the login is the consent, as a municipality's broker agreement makes it.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? '');
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!ctx.oidc.session?.accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid mitid ssn profile');
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = page(
            'Log ud – demo-login',
            `<h1>Log ud af demo-login?</h1><p>Du er ved at logge ud af Samkrafts demo-login (i stedet for MitID).</p>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Log ud</button>`,
          );
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = page('Logget ud – demo-login', '<h1>Du er logget ud</h1><p><a href="/borger">Til Samkraft for borgere</a></p>');
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('Fejl – demo-login', `<h1>Demo-login kunne ikke fortsætte</h1><p>${html(String(out.error ?? 'error'))}: ${html(String(out.error_description ?? ''))}</p><p><a href="/borger">Til Samkraft for borgere</a></p>`);
    },
  };
  const provider = new Provider(s.issuer, configuration);
  // Behind a TLS-terminating proxy the issuer is https while the request reaches Samkraft as http.
  provider.proxy = s.issuer.startsWith('https:');
  // Why the provider refused a step, for the server log (the relying party sees only the OAuth code).
  const report = (event: string) => (_ctx: unknown, err: { error?: string; error_detail?: string; message?: string }) => onError(event, `${err.error ?? err.message ?? 'error'}${err.error_detail ? `: ${err.error_detail}` : ''}`);
  provider.on('grant.error', report('grant.error'));
  provider.on('authorization.error', report('authorization.error'));
  provider.on('userinfo.error', report('userinfo.error'));
  provider.on('end_session.error', report('end_session.error'));
  provider.on('server_error', report('server_error'));
  const handle = provider.callback() as (req: IncomingMessage, res: ServerResponse) => void;

  return {
    persons,
    handle,
    interaction: async (req, res) => {
      const details = await provider.interactionDetails(req, res);
      return { uid: details.uid, prompt: details.prompt.name };
    },
    login: async (req, res, sub) => {
      if (!bySub.has(sub)) throw new Error('not a demo test person');
      const interaction = await provider.interactionDetails(req, res);
      // Whoever was signed in at the provider before (a shared device, no sign-out) is signed out
      // here, so the new person's login never meets the old one's session.
      if (interaction.session) {
        await (await provider.Session.find(interaction.session.cookie))?.destroy();
        delete interaction.session;
      }
      interaction.result = { login: { accountId: sub, acr: NSIS_SUBSTANTIAL, amr: ['demo'] } };
      await interaction.save(Math.max(1, interaction.exp - Math.floor(Date.now() / 1000)));
      return interaction.returnTo;
    },
    cancel: (req, res) => provider.interactionResult(req, res, { error: 'access_denied', error_description: 'The citizen cancelled the sign-in' }, { mergeWithLastSubmission: false }),
  };
}

/** The demo provider's page: the official test persons to sign in as, one button each. */
export function testPersonPickerPage(uid: string, persons: DemoTestPerson[]): string {
  return page(
    'Demo-login – vælg testperson',
    `<h1>Demo-login</h1><p>Her logger du i en rigtig installation ind med MitID. I demo-udgaven vælger du en af de officielle testpersoner.</p>
${testPersonList(persons, `${DEMO_IDP_PATH}/interaction/${uid}`)}
<form method="post" action="${DEMO_IDP_PATH}/interaction/${html(uid)}/cancel"><button type="submit" class="secondary">Annullér</button></form>`,
  );
}

/** The official test persons as buttons of one form posting `person` (their subject) to `action`. */
export function testPersonList(persons: DemoTestPerson[], action: string): string {
  const items = persons
    .map((p) => {
      const born = p.birthDate.split('-').reverse().join('.');
      return `<li><button type="submit" name="person" value="${html(p.sub)}">${html(`${p.givenName} ${p.familyName}`)}</button> <span>født ${html(born)}</span></li>`;
    })
    .join('');
  return `<form method="post" action="${html(action)}"><ul style="list-style:none;padding:0;display:grid;gap:.5rem">${items}</ul></form>`;
}
