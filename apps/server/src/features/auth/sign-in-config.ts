import fs from 'node:fs';
import { assuranceLevel, type AssuranceLevel } from '@samkraft/contracts/auth';
import { role, roles, type Role } from '@samkraft/contracts/common';
import { z } from 'zod';
import { DEMO_IDP_CERTIFICATE, DEMO_SP_CERTIFICATE, DEMO_SP_PRIVATE_KEY } from './demo-keys.ts';

/**
 * Staff sign-in through identity providers, per municipality: which providers the sign-in page
 * offers, and how each provider's roles (KOMBIT job-function roles and data restrictions, or
 * OIDC groups) become Samkraft's roles and municipality. A JSON file named by
 * STAFF_SIGN_IN_CONFIG, validated at start; in demo mode a built-in one with the local providers.
 */

/** `nemlog-in` is the citizens' NemLog-in sign-in's (/api/auth/saml/nemlog-in/…): no staff provider may take it. */
const providerId = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, 'must be 1–40 of a–z, 0–9 and -')
  .refine((id) => id !== 'nemlog-in', "is reserved for the citizens' NemLog-in sign-in (/api/auth/saml/nemlog-in/)");
const label = z.strictObject({ da: z.string().trim().min(1), en: z.string().trim().min(1) });
const url = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');
const pem = z.string().trim().min(1);

/** Where a key or certificate is: inline (PEM) or a file (the usual for a private key). */
const keyMaterial = z.union([z.strictObject({ pem }), z.strictObject({ file: z.string().trim().min(1) })]);

/** KOMBIT's names (OIOSAML 2 attribute names, which the Context Handler still sends) by default. */
export const KOMBIT_ATTRIBUTES = {
  cvr: 'dk:gov:saml:attribute:CvrNumberIdentifier',
  privileges: 'dk:gov:saml:attribute:Privileges_intermediate',
  loa: 'https://data.gov.dk/concept/core/nsis/loa',
  /** OIOSAML 2's common name and mail (OIOSAML 3: https://data.gov.dk/model/core/eid/fullName and …/email). */
  displayName: 'urn:oid:2.5.4.3',
  email: 'urn:oid:0.9.2342.19200300.100.1.3',
} as const;

/** The Context Handler's data restrictions (bpp Constraint names): organisation unit and KLE. */
export const KOMBIT_CONSTRAINTS = {
  orgUnit: 'http://sts.kombit.dk/constraints/orgenhed/1',
  kle: 'http://sts.kombit.dk/constraints/KLE/1',
} as const;

const samlProvider = z.strictObject({
  kind: z.literal('saml'),
  id: providerId,
  label,
  /** The identity provider (KOMBIT's Context Handler): entity id, single sign-on and logout URLs, signing certificate. */
  idp: z.strictObject({ entityId: z.string().min(1), ssoUrl: url, sloUrl: url.optional(), certificate: keyMaterial }),
  /** Samkraft as service provider: entity id, and the key that signs requests and decrypts assertions. */
  sp: z.strictObject({ entityId: z.string().min(1), privateKey: keyMaterial, certificate: keyMaterial }),
  attributes: z
    .strictObject({ cvr: z.string().min(1), privileges: z.string().min(1), loa: z.string().min(1), displayName: z.string().min(1), email: z.string().min(1) })
    .partial()
    .default({}),
  constraints: z.strictObject({ orgUnit: z.string().min(1), kle: z.string().min(1) }).partial().default({}),
  /** A CVR number (the PrivilegeGroup's scope) → a municipality; `orgUnits`, when given, the units whose staff may sign in. */
  organisations: z.array(z.strictObject({ cvr: z.string().regex(/^\d{8}$/), municipalityCode: z.string().regex(/^\d{4}$/), orgUnits: z.array(z.string().min(1)).optional() })).min(1),
  /** A KOMBIT job-function role (Privilege URI) → a Samkraft role; `kle`, when given, a KLE number the role's KLE restriction must cover. */
  roles: z.array(z.strictObject({ privilege: z.string().min(1), role, kle: z.string().regex(/^\d\d(\.\d\d){0,2}$/).optional() })).min(1),
});

const oidcProvider = z.strictObject({
  kind: z.literal('oidc'),
  id: providerId,
  label,
  issuer: url,
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  scope: z.string().regex(/(^| )openid( |$)/, 'must include openid').default('openid profile email'),
  /** Every user of this provider belongs to this municipality (a municipality's own Entra ID / OS2faktor). */
  municipalityCode: z.string().regex(/^\d{4}$/),
  groupsClaim: z.string().min(1).default('groups'),
  loaClaim: z.string().min(1).default('loa'),
  /** The level the municipality vouches for when the provider sends no `loa` claim (Entra ID does not). */
  defaultLevel: assuranceLevel.default('low'),
  /** A group (as the claim names it: an object id or a name) → a Samkraft role. */
  groups: z.array(z.strictObject({ group: z.string().min(1), role, name: z.string().optional() })).min(1),
});

export const signInConfigFile = z.strictObject({
  /** The lowest NSIS level at which staff may see a citizen's data (below it: aggregates only). */
  personDataLevel: assuranceLevel.default('substantial'),
  providers: z.array(z.discriminatedUnion('kind', [samlProvider, oidcProvider])).refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'provider ids must be unique'),
});

export type SignInConfigFile = z.infer<typeof signInConfigFile>;
export type SamlProviderConfig = Extract<SignInConfigFile['providers'][number], { kind: 'saml' }>;
export type OidcProviderConfig = Extract<SignInConfigFile['providers'][number], { kind: 'oidc' }>;
export type ProviderConfig = SamlProviderConfig | OidcProviderConfig;

/** The staff sign-in methods; a production server has only the providers unless told otherwise. */
export const staffSignInMethods = ['password', 'demo', 'saml', 'oidc'] as const;
export type StaffSignInMethod = (typeof staffSignInMethods)[number];

export type StaffSignIn = {
  methods: ReadonlySet<StaffSignInMethod>;
  personDataLevel: AssuranceLevel;
  providers: ProviderConfig[];
  /** Where browsers reach Samkraft: the ACS, callbacks and metadata URL derive from it. */
  publicUrl: string;
  /** The local identity providers are mounted (demo mode with the built-in configuration). */
  localProviders: boolean;
};

/** Reads a key or certificate named by the configuration. */
export function readKey(k: z.infer<typeof keyMaterial>): string {
  return 'pem' in k ? k.pem : fs.readFileSync(k.file, 'utf8');
}

/** Parses a sign-in configuration file's text; throws an Error whose message names the field. */
export function parseSignInConfig(text: string, source: string): SignInConfigFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source} is not JSON: ${(err as Error).message}`);
  }
  const parsed = signInConfigFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${source}: ${issue?.path.join('.') || '(top)'} ${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

/** Gladsaxe Kommune's CVR number (public, from the CVR register): the demo's KOMBIT organisation. */
export const GLADSAXE_CVR = '62761113';
export const GLADSAXE_CODE = '0159';
/** The demo's job-function roles: one Privilege URI per Samkraft role, from the roles list. */
export const demoPrivilege = (r: Role) => `http://samkraft.dk/roles/jobfunktionsrolle/${r}/1`;
export const demoGroup = (r: Role) => `samkraft-${r}`;
export const DEMO_SAML_IDP_PATH = '/demo-saml-idp';
export const DEMO_STAFF_OIDC_PATH = '/demo-staff-idp';
/** The demo's KLE number for rehabilitation after cancer (the role's KLE restriction must cover it). */
export const DEMO_KLE = '29.30';

/** The built-in configuration of demo mode and the tests: the local SAML IdP (KOMBIT-shaped) and the local OIDC provider (Gladsaxe's Microsoft account). */
export function demoSignInConfig(publicUrl: string): SignInConfigFile {
  return {
    personDataLevel: 'substantial',
    providers: [
      {
        kind: 'saml',
        id: 'kombit',
        label: { da: 'Log ind med KOMBIT (Fælleskommunal Adgangsstyring)', en: 'Sign in with KOMBIT (joint municipal access control)' },
        idp: {
          entityId: `${publicUrl}${DEMO_SAML_IDP_PATH}`,
          ssoUrl: `${publicUrl}${DEMO_SAML_IDP_PATH}/sso`,
          sloUrl: `${publicUrl}${DEMO_SAML_IDP_PATH}/slo`,
          certificate: { pem: DEMO_IDP_CERTIFICATE },
        },
        sp: { entityId: `${publicUrl}/api/auth/saml/kombit/metadata`, privateKey: { pem: DEMO_SP_PRIVATE_KEY }, certificate: { pem: DEMO_SP_CERTIFICATE } },
        attributes: {},
        constraints: {},
        organisations: [{ cvr: GLADSAXE_CVR, municipalityCode: GLADSAXE_CODE }],
        roles: roles.map((r) => ({ privilege: demoPrivilege(r), role: r, kle: DEMO_KLE })),
      },
      {
        kind: 'oidc',
        id: 'gladsaxe-entra',
        label: { da: 'Log ind med Gladsaxe Kommunes Microsoft-konto', en: "Sign in with Gladsaxe Municipality's Microsoft account" },
        issuer: `${publicUrl}${DEMO_STAFF_OIDC_PATH}`,
        clientId: 'samkraft-staff-demo',
        clientSecret: 'demo-staff-client-secret-not-secret',
        scope: 'openid profile email',
        municipalityCode: GLADSAXE_CODE,
        groupsClaim: 'groups',
        loaClaim: 'loa',
        defaultLevel: 'low',
        groups: roles.map((r) => ({ group: demoGroup(r), role: r })),
      },
    ],
  };
}

/**
 * The staff sign-in of this start, from the configuration: the file's providers (or the demo's,
 * in demo mode without a file), and the methods on — everything in demo mode, only the providers
 * on a production server unless SAMKRAFT_STAFF_SIGN_IN_METHODS names password (or demo).
 */
export function resolveStaffSignIn(o: { demo: boolean; publicUrl: string; methods: StaffSignInMethod[] | undefined; configFile: string | undefined }): StaffSignIn {
  const file = o.configFile ? parseSignInConfig(fs.readFileSync(o.configFile, 'utf8'), o.configFile) : o.demo ? demoSignInConfig(o.publicUrl) : signInConfigFile.parse({ providers: [] });
  const methods = new Set<StaffSignInMethod>(o.methods ?? (o.demo ? staffSignInMethods : ['saml', 'oidc']));
  if (!o.demo) methods.delete('demo');
  return { methods, personDataLevel: file.personDataLevel, providers: file.providers, publicUrl: o.publicUrl, localProviders: o.demo && !o.configFile };
}
