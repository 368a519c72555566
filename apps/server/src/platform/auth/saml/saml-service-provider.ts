import type { Profile, SAML as SamlClass } from '@node-saml/node-saml';

/**
 * One SAML service provider's settings, keys and certificates as PEM text: Samkraft (the SP) and
 * the identity provider it trusts. Staff (KOMBIT's Context Handler, features/auth) and citizens
 * (NemLog-in, features/citizen-auth) each build theirs from their own configuration.
 */
export type SamlSettings = {
  /** The provider's id in Samkraft's URLs: /api/auth/saml/<id>/… */
  id: string;
  idp: { entityId: string; ssoUrl: string; sloUrl?: string | undefined; certificate: string };
  sp: { entityId: string; privateKey: string; certificate: string };
  /** The lowest NSIS level asked for in each AuthnRequest (OIOSAML 3: RequestedAuthnContext, Comparison="minimum"); the answer's level is still checked by the caller. */
  requestedLevel?: NsisLevel | undefined;
};

export type NsisLevel = 'low' | 'substantial' | 'high';

/**
 * OIOSAML 3's AuthnContextClassRef for each NSIS level, as an SP requests it in an AuthnRequest
 * (RequestedAuthnContext). The assertion's level attribute is `https://data.gov.dk/concept/core/nsis/loa`.
 */
export const NSIS_LOA_CLASS_REF: Readonly<Record<NsisLevel, string>> = {
  low: 'https://data.gov.dk/concept/core/nsis/loa/Low',
  substantial: 'https://data.gov.dk/concept/core/nsis/loa/Substantial',
  high: 'https://data.gov.dk/concept/core/nsis/loa/High',
};

/** Why a SAML answer was refused (said to the user in words, audited with the library's cause). */
export type SamlRefusal = 'signature' | 'expired' | 'audience' | 'not_encrypted' | 'replayed' | 'in_response_to' | 'provider';

/**
 * How the IdP wrote the NameID besides its value: the Format and the qualifiers, when sent. Kept
 * with the session so that our LogoutRequest names the person exactly as the IdP did (SAML core
 * 3.7.1: the NameID of the LogoutRequest is the one of the assertion).
 */
export type SamlNameIdForm = { format: string | null; nameQualifier: string | null; spNameQualifier: string | null };

/** The session columns that keep a NameID's form (staff_session and citizen_session, migration 0055). */
export type SamlNameIdColumns = { idp_name_id_format: string | null; idp_name_qualifier: string | null; idp_sp_name_qualifier: string | null };

export const nameIdColumns = (form: SamlNameIdForm | null | undefined): SamlNameIdColumns => ({
  idp_name_id_format: form?.format ?? null,
  idp_name_qualifier: form?.nameQualifier ?? null,
  idp_sp_name_qualifier: form?.spNameQualifier ?? null,
});

export const nameIdFormOf = (r: SamlNameIdColumns): SamlNameIdForm => ({ format: r.idp_name_id_format, nameQualifier: r.idp_name_qualifier, spNameQualifier: r.idp_sp_name_qualifier });

export type SamlVerified = {
  assertionId: string;
  /** When the assertion stops being valid: it is remembered (against replay) until then. */
  expiresAt: Date;
  inResponseTo: string | null;
  nameId: string;
  nameIdFormat: string | null;
  nameQualifier: string | null;
  spNameQualifier: string | null;
  sessionIndex: string | null;
  attributes: Record<string, string | string[]>;
};

export type SamlServiceProvider<P = SamlSettings> = {
  /** What the caller built it from (its own configuration type, carried back to it). */
  provider: P;
  /** The SP's metadata (signed AuthnRequests, encrypted assertions wanted, ACS and SLO). */
  metadata: () => Promise<string>;
  /** The IdP's URL with a signed AuthnRequest (HTTP-Redirect) whose ID is `requestId`. */
  loginUrl: (requestId: string, relayState: string) => Promise<string>;
  /** The ACS POST: signature, encryption, times and audience checked. */
  verifyResponse: (samlResponse: string) => Promise<{ ok: true; verified: SamlVerified } | { ok: false; reason: SamlRefusal; cause: string }>;
  /**
   * A signed LogoutRequest to the IdP for this user's session (SP-initiated single logout), its
   * NameID in the form the IdP sent (`nameIdForm`; the format `defaultFormat`, else unspecified,
   * for a session that kept none); null when the IdP has no SLO endpoint.
   */
  logoutUrl: (user: { nameId: string; nameIdForm: SamlNameIdForm | null; defaultFormat?: string; sessionIndex: string | null }, relayState: string) => Promise<string | null>;
  /** A LogoutRequest or LogoutResponse from the IdP (HTTP-Redirect, signature checked). */
  readLogout: (query: Record<string, string>, originalQuery: string) => Promise<{ kind: 'request'; nameId: string; sessionIndex: string | null; profile: Profile } | { kind: 'response' }>;
  /** A LogoutRequest or LogoutResponse from the IdP (HTTP-POST, the XML signature checked). */
  readLogoutPost: (form: { SAMLRequest?: string | undefined; SAMLResponse?: string | undefined }) => Promise<{ kind: 'request'; nameId: string; sessionIndex: string | null; profile: Profile } | { kind: 'response' }>;
  /** Our signed LogoutResponse to the IdP's LogoutRequest. */
  logoutResponseUrl: (profile: Profile, relayState: string) => Promise<string>;
};

export const samlUrls = (publicUrl: string, id: string) => ({
  acs: `${publicUrl}/api/auth/saml/${id}/acs`,
  slo: `${publicUrl}/api/auth/saml/${id}/slo`,
  metadata: `${publicUrl}/api/auth/saml/${id}/metadata`,
  login: `/api/auth/saml/${id}/login`,
});

/** An Assertion element outside any EncryptedAssertion: refused when encryption is required (OIOSAML 3). */
const PLAIN_ASSERTION = /<(?:[A-Za-z_][\w.-]*:)?Assertion[\s>]/;

/**
 * Samkraft as an OIOSAML 3 service provider (@node-saml/node-saml): AuthnRequests and logout
 * messages signed (RSA-SHA256), assertions required signed by the IdP's certificate AND encrypted
 * to ours, the audience our entity id; the NSIS level asked for (RequestedAuthnContext, minimum) when
 * the caller names one. InResponseTo and replay are checked by the caller against
 * the database (several instances share it), not by node-saml's in-memory cache.
 */
export async function samlServiceProvider<P>(provider: P, p: SamlSettings, publicUrl: string): Promise<SamlServiceProvider<P>> {
  const { SAML } = cjs(await import('@node-saml/node-saml'), 'SAML');
  const spKey = p.sp.privateKey;
  const spCert = p.sp.certificate;
  const urls = samlUrls(publicUrl, p.id);
  const build = (requestId?: string): SamlClass =>
    new SAML({
      callbackUrl: urls.acs,
      entryPoint: p.idp.ssoUrl,
      issuer: p.sp.entityId,
      audience: p.sp.entityId,
      idpCert: p.idp.certificate,
      idpIssuer: p.idp.entityId,
      privateKey: spKey,
      publicCert: spCert,
      decryptionPvk: spKey,
      signatureAlgorithm: 'sha256',
      digestAlgorithm: 'sha256',
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      identifierFormat: null,
      ...(p.requestedLevel ? { disableRequestedAuthnContext: false, authnContext: [NSIS_LOA_CLASS_REF[p.requestedLevel]], racComparison: 'minimum' as const } : { disableRequestedAuthnContext: true }),
      validateInResponseTo: 'never' as never,
      acceptedClockSkewMs: 30_000,
      ...(p.idp.sloUrl ? { logoutUrl: p.idp.sloUrl } : {}),
      logoutCallbackUrl: urls.slo,
      ...(requestId ? { generateUniqueId: () => requestId } : {}),
    });
  const sp = build();

  return {
    provider,
    // node-saml names one logout binding (HTTP-POST); the HTTP-Redirect one is served too.
    metadata: async () => {
      const xml = sp.generateServiceProviderMetadata(spCert, spCert);
      const post = `Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${urls.slo}"/>`;
      return xml.replace(post, `${post}<SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${urls.slo}"/>`);
    },
    loginUrl: (requestId, relayState) => build(requestId).getAuthorizeUrlAsync(relayState, undefined, {}),
    verifyResponse: async (samlResponse) => {
      const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
      if (PLAIN_ASSERTION.test(xml)) return { ok: false, reason: 'not_encrypted', cause: 'the response carries an unencrypted Assertion' };
      if (!/EncryptedAssertion[\s>]/.test(xml)) return { ok: false, reason: 'provider', cause: 'the response carries no assertion' };
      let profile: Profile | null;
      try {
        ({ profile } = await sp.validatePostResponseAsync({ SAMLResponse: samlResponse }));
      } catch (err) {
        const cause = err instanceof Error ? err.message : String(err);
        return { ok: false, reason: refusalOf(cause), cause };
      }
      if (!profile) return { ok: false, reason: 'provider', cause: 'no profile in the response' };
      const assertion = profile.getAssertion?.() as { Assertion?: { $?: { ID?: string; IssueInstant?: string }; Conditions?: { $?: { NotOnOrAfter?: string } }[] } } | undefined;
      const assertionId = assertion?.Assertion?.$?.ID;
      const notOnOrAfter = assertion?.Assertion?.Conditions?.[0]?.$?.NotOnOrAfter;
      if (!assertionId || !notOnOrAfter) return { ok: false, reason: 'provider', cause: 'the assertion has no ID or no Conditions/@NotOnOrAfter' };
      const attributes: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries((profile.attributes as Record<string, unknown> | undefined) ?? {})) {
        if (typeof v === 'string') attributes[k] = v;
        else if (Array.isArray(v)) attributes[k] = v.map(String);
      }
      return {
        ok: true,
        verified: {
          assertionId,
          expiresAt: new Date(notOnOrAfter),
          inResponseTo: typeof profile.inResponseTo === 'string' ? profile.inResponseTo : null,
          nameId: profile.nameID,
          nameIdFormat: profile.nameIDFormat ?? null,
          nameQualifier: profile.nameQualifier ?? null,
          spNameQualifier: profile.spNameQualifier ?? null,
          sessionIndex: profile.sessionIndex ?? null,
          attributes,
        },
      };
    },
    logoutUrl: async (user, relayState) => {
      if (!p.idp.sloUrl) return null;
      const form = user.nameIdForm;
      const profile = {
        issuer: p.idp.entityId,
        nameID: user.nameId,
        nameIDFormat: form?.format ?? user.defaultFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
        ...(form?.nameQualifier ? { nameQualifier: form.nameQualifier } : {}),
        ...(form?.spNameQualifier ? { spNameQualifier: form.spNameQualifier } : {}),
        ...(user.sessionIndex ? { sessionIndex: user.sessionIndex } : {}),
      };
      return sp.getLogoutUrlAsync(profile, relayState, {});
    },
    readLogout: async (query, originalQuery) => {
      const { profile, loggedOut } = await sp.validateRedirectAsync(query, originalQuery);
      if (loggedOut && !query.SAMLRequest) return { kind: 'response' };
      if (!profile) throw new Error('the logout request names no one');
      return { kind: 'request', nameId: profile.nameID, sessionIndex: profile.sessionIndex ?? null, profile };
    },
    readLogoutPost: async (form) => {
      if (form.SAMLResponse) {
        const { loggedOut } = await sp.validatePostResponseAsync({ SAMLResponse: form.SAMLResponse });
        if (!loggedOut) throw new Error('not a LogoutResponse');
        return { kind: 'response' };
      }
      const { profile } = await sp.validatePostRequestAsync({ SAMLRequest: form.SAMLRequest ?? '' });
      if (!profile) throw new Error('the logout request names no one');
      return { kind: 'request', nameId: profile.nameID, sessionIndex: profile.sessionIndex ?? null, profile };
    },
    logoutResponseUrl: (profile, relayState) => sp.getLogoutResponseUrlAsync(profile, relayState, {}, true),
  };
}

/** node-saml's error message → the refusal said to the user. */
function refusalOf(message: string): SamlRefusal {
  if (/signature/i.test(message)) return 'signature';
  if (/expired|NotOnOrAfter|too old|NotBefore|not yet valid/i.test(message)) return 'expired';
  if (/audience/i.test(message)) return 'audience';
  return 'provider';
}

/** A CommonJS package's exports, whether the loader (Node, or the esbuild bundle) puts them on the namespace or under `default`. */
export function cjs<T extends object>(namespace: T, name: keyof T): T {
  if (namespace[name] !== undefined) return namespace;
  return ((namespace as { default?: unknown }).default ?? namespace) as T;
}
