import { z } from 'zod';
import { municipalityRef, phoneNumber, profession, role, text, uuid } from './common.ts';

/** NSIS assurance levels (https://data.gov.dk/concept/core/nsis/loa), lowest first. */
export const assuranceLevels = ['low', 'substantial', 'high'] as const;
export const assuranceLevel = z.enum(assuranceLevels);
export type AssuranceLevel = z.infer<typeof assuranceLevel>;

export const staffUser = z.object({
  id: uuid,
  username: text,
  displayName: text,
  municipality: municipalityRef,
  roles: z.array(role),
  profession,
});
export type StaffUser = z.infer<typeof staffUser>;

export const sessionInfo = z.object({
  user: staffUser,
  /** Send as header `x-csrf-token` on every state-changing request. */
  csrfToken: text,
  idleExpiresAt: text,
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const demoUsers = z.object({
  enabled: z.boolean(),
  /** Demo mode on a PostgreSQL server (SAMKRAFT_DEMO_SERVER): the sign-in page warns about it. */
  demoServer: z.boolean(),
  users: z.array(staffUser),
});
export type DemoUsers = z.infer<typeof demoUsers>;

export const loginBody = z.strictObject({
  username: text.trim().min(1, 'is required').max(64),
  password: text.min(1, 'is required').max(200),
});
export type LoginBody = z.infer<typeof loginBody>;

export const demoLoginBody = z.strictObject({ userId: uuid });
export type DemoLoginBody = z.infer<typeof demoLoginBody>;

/** The signed-in user's work contact details, printed in letters and shown to providing municipalities. */
export const myContactDetails = z.object({
  phone: text.nullable(),
  email: text.nullable(),
  municipalityName: text,
  /** The municipality's rehabilitation unit: the number used when a contact person has none. */
  unitPhone: text.nullable(),
  /** Administrators and municipal leads keep the unit's number. */
  mayEditUnitPhone: z.boolean(),
});
export type MyContactDetails = z.infer<typeof myContactDetails>;

export const myContactBody = z.strictObject({
  phone: phoneNumber.nullable(),
  email: text.trim().max(200).regex(/^[^@\s]+@[^@\s]+$/, 'must be an e-mail address').nullable(),
});
export type MyContactBody = z.infer<typeof myContactBody>;

export const unitPhoneBody = z.strictObject({ unitPhone: phoneNumber.nullable() });
export type UnitPhoneBody = z.infer<typeof unitPhoneBody>;

/** One open session of a staff user (issue 15.5); the token never leaves the server, the id names it. */
export const staffSessionSummary = z.object({
  id: uuid,
  createdAt: text,
  lastSeenAt: text,
  /** The earlier of the idle and the absolute deadline. */
  expiresAt: text,
  userAgent: text.nullable(),
  /** The identity provider signed in through (a configured provider's id), and the NSIS level it vouched for; null for a password or demo sign-in. */
  provider: text.nullable(),
  assuranceLevel: assuranceLevel.nullable(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type StaffSessionSummary = z.infer<typeof staffSessionSummary>;

export const staffSessionList = z.object({ sessions: z.array(staffSessionSummary) });
export type StaffSessionList = z.infer<typeof staffSessionList>;

export const endedSessions = z.object({ ended: z.number().int().min(0) });
export type EndedSessions = z.infer<typeof endedSessions>;

/** A staff user of the administrator's municipality, with how many sessions are open now. */
export const staffUserOverview = z.object({
  id: uuid,
  username: text,
  displayName: text,
  roles: z.array(role),
  profession,
  active: z.boolean(),
  openSessions: z.number().int().min(0),
  lastSeenAt: text.nullable(),
});
export type StaffUserOverview = z.infer<typeof staffUserOverview>;

export const staffUserOverviewList = z.object({ users: z.array(staffUserOverview) });
export type StaffUserOverviewList = z.infer<typeof staffUserOverviewList>;

/** Why a sign-in through an identity provider was refused; the sign-in page says each in words (`/login?fejl=…`). */
export const staffSignInErrors = [
  'state',
  'signature',
  'expired',
  'audience',
  'not_encrypted',
  'replayed',
  'in_response_to',
  'nonce',
  'provider',
  'no_role',
  'unknown_organisation',
  'incomplete',
  'unavailable',
] as const;
export const staffSignInError = z.enum(staffSignInErrors);
export type StaffSignInError = z.infer<typeof staffSignInError>;

/** The sign-in page's choices: a button per configured identity provider, and whether passwords and demo users are on. */
export const signInMethods = z.object({
  password: z.boolean(),
  demo: z.boolean(),
  providers: z.array(z.object({ id: text, kind: z.enum(['saml', 'oidc']), label: z.object({ da: text, en: text }), loginUrl: text })),
});
export type SignInMethods = z.infer<typeof signInMethods>;

/** Signing out: the identity provider's URL to visit next (single logout), or null. */
export const signOutResult = z.object({ logoutUrl: text.nullable() });
export type SignOutResult = z.infer<typeof signOutResult>;

/** The sign-in providers and their mappings, in words, for administrators. */
export const signInProvidersView = z.object({
  methods: z.object({ on: z.array(text), off: z.array(text) }),
  personDataLevel: assuranceLevel,
  providers: z.array(z.object({ id: text, kind: z.enum(['saml', 'oidc']), label: text, rules: z.array(text) })),
});
export type SignInProvidersView = z.infer<typeof signInProvidersView>;
