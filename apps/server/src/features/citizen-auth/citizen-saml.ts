import { readIdpMetadata, type IdpMetadata } from '../../platform/auth/saml/idp-metadata.ts';
import { samlServiceProvider, samlUrls, type SamlServiceProvider } from '../../platform/auth/saml/saml-service-provider.ts';
import type { CitizenSamlConfig } from '../../platform/config.ts';
import { DEMO_IDP_CERTIFICATE, DEMO_SP_CERTIFICATE, DEMO_SP_PRIVATE_KEY } from '../auth/demo-keys.ts';

/** The citizens' SAML identity provider's id in Samkraft's URLs (/api/auth/saml/nemlog-in/…); no staff provider may take it. */
export const NEMLOGIN_ID = 'nemlog-in';
/** Where the local NemLog-in IdP of demo mode and the tests is mounted. */
export const DEMO_NEMLOGIN_PATH = '/demo-nemlogin';

export type CitizenSamlProvider = SamlServiceProvider<CitizenSamlConfig>;

/** The local NemLog-in IdP as the SP sees it (demo mode): its entity id, endpoints and the committed demo IdP certificate. */
export function demoNemLogInIdp(publicUrl: string): IdpMetadata {
  return { entityId: `${publicUrl}${DEMO_NEMLOGIN_PATH}`, ssoUrl: `${publicUrl}${DEMO_NEMLOGIN_PATH}/sso`, sloUrl: `${publicUrl}${DEMO_NEMLOGIN_PATH}/slo`, certificate: DEMO_IDP_CERTIFICATE };
}

/** Samkraft's keys as the citizens' SP: the configured ones, or the committed demo keys in demo mode. */
export function citizenSpKeys(c: CitizenSamlConfig): { privateKey: string; certificate: string } {
  return c.mode === 'demo' ? { privateKey: DEMO_SP_PRIVATE_KEY, certificate: DEMO_SP_CERTIFICATE } : { privateKey: c.privateKey, certificate: c.certificate };
}

async function idpOf(c: CitizenSamlConfig, fetchMetadata: (url: string) => Promise<Uint8Array>): Promise<IdpMetadata> {
  if (c.mode === 'demo') return demoNemLogInIdp(c.publicUrl);
  if ('metadata' in c.idp) return c.idp.metadata;
  return readIdpMetadata(await fetchMetadata(c.idp.url), { signingCertificate: c.metadataCertificate });
}

const fetchOverHttp = async (url: string): Promise<Uint8Array> => {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`NemLog-in's metadata answered HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};

/**
 * The citizens' SAML service provider toward NemLog-in (OIOSAML 3, the platform's SP: signed
 * requests, signed and encrypted assertions), built on first use; metadata given by URL is read
 * then, and again after a failure.
 */
export function citizenSamlProvider(c: CitizenSamlConfig, fetchMetadata = fetchOverHttp): () => Promise<CitizenSamlProvider> {
  let built: Promise<CitizenSamlProvider> | undefined;
  return () => {
    built ??= (async () => {
      const idp = await idpOf(c, fetchMetadata);
      return samlServiceProvider(c, { id: NEMLOGIN_ID, idp, sp: { entityId: c.spEntityId, ...citizenSpKeys(c) }, requestedLevel: 'substantial' }, c.publicUrl);
    })().catch((err: unknown) => {
      built = undefined;
      throw err;
    });
    return built;
  };
}

export const nemLogInUrls = (publicUrl: string) => samlUrls(publicUrl, NEMLOGIN_ID);
