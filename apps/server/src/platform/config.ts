import { randomBytes, X509Certificate, createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { readIdpMetadata, type IdpMetadata } from './auth/saml/idp-metadata.ts';

const httpUrl = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL')
  .transform((v) => v.replace(/\/+$/, ''));

/** Everything the server reads from its environment, validated once at boot. */
const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** A read replica of DATABASE_URL for the reports' long reads; unset = the primary. */
  DATABASE_REPLICA_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * The owner of the schema, used only to migrate (at start and by the command line); the server
   * then runs as DATABASE_URL's role, which may read and write the data but not alter the schema
   * nor rewrite the audit log. Unset = DATABASE_URL's role migrates too (one role owns all).
   */
  DATABASE_MIGRATION_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Connections per server instance (PostgreSQL). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** A statement running longer is cancelled and the request answered 503 (0 = no limit). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(120_000),
  SAMKRAFT_DATA_DIR: z.string().trim().min(1).default('./data'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  COOKIE_SECURE: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Demo mode: seed demo data into an empty database and offer demo users on the sign-in page. */
  SAMKRAFT_DEMO: z.enum(['true', 'false']).optional(),
  /** Demo mode on a PostgreSQL server must be asked for twice: this says the server is a demo server. */
  SAMKRAFT_DEMO_SERVER: z.enum(['true', 'false']).optional(),
  /**
   * The reverse proxies in front of Samkraft (comma-separated addresses or CIDR ranges) whose
   * X-Forwarded-For is believed; unset = none, the client is the connection's peer.
   */
  SAMKRAFT_TRUSTED_PROXIES: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ?? '').split(',').map((p) => p.trim()).filter((p) => p !== ''))
    .refine((list) => list.every(isAddressOrRange), 'must be a comma-separated list of IP addresses or CIDR ranges'),
  /**
   * Sign-in attempts a minute per client address (default 10). Raise it where many staff share
   * one address without a trusted proxy to tell them apart (and for the browser tests' one server).
   */
  SAMKRAFT_SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  WEB_DIST_DIR: z.string().trim().min(1).optional(),
  /**
   * Demo and test only: a file holding the instant the server takes as "now" (ISO 8601), read on
   * every call, so a browser journey can span the weeks of a course. Refused outside demo mode.
   */
  SAMKRAFT_CLOCK_FILE: z.string().trim().min(1).optional(),
  /** The file-drop transport's folder (out/, in/, in/processed/, in/rejected/); default <data dir>/messages. */
  SAMKRAFT_MESSAGES_DIR: z.string().trim().min(1).optional(),
  /** How often the inbox is read and the outbox written (milliseconds; 0 = never, e.g. on all but one instance). */
  SAMKRAFT_MESSAGES_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  /** The shared token of POST /api/messages (Authorization: Bearer …); unset = the route refuses every message. */
  SAMKRAFT_MESSAGES_TOKEN: z.string().trim().min(32, 'must be at least 32 characters').optional().or(z.literal('').transform(() => undefined)),
  // ── The citizen's door (features/citizen-auth): sign-in through an OpenID Connect provider ──
  /** Where browsers reach Samkraft (the demo identity provider's issuer and the callback derive from it); default http://HOST:PORT. */
  SAMKRAFT_PUBLIC_URL: httpUrl.optional(),
  /** The identity provider (a MitID broker) as its issuer URL; unset = the local demo provider in demo mode, else no citizen sign-in. */
  CITIZEN_OIDC_ISSUER: httpUrl.optional(),
  CITIZEN_OIDC_CLIENT_ID: z.string().trim().min(1).optional().or(z.literal('').transform(() => undefined)),
  CITIZEN_OIDC_CLIENT_SECRET: z.string().trim().min(1).optional().or(z.literal('').transform(() => undefined)),
  /** The callback registered at the provider; default <public URL>/borger/auth/callback. */
  CITIZEN_OIDC_REDIRECT_URI: httpUrl.optional(),
  /** Where the provider sends the citizen after signing out; default <public URL>/borger/logget-ud. */
  CITIZEN_OIDC_POST_LOGOUT_REDIRECT_URI: httpUrl.optional(),
  CITIZEN_OIDC_SCOPE: z.string().trim().regex(/(^| )openid( |$)/, 'must include openid').default('openid mitid ssn'),
  /** The claim that carries the CPR number (Signaturgruppen's broker: dk.cpr, scope ssn). */
  CITIZEN_OIDC_CPR_CLAIM: z.string().trim().min(1).default('dk.cpr'),
  /** The claim that carries the NSIS assurance level; when present it must be Substantial or High. */
  CITIZEN_OIDC_LOA_CLAIM: z.string().trim().min(1).default('loa'),
  /**
   * How long the audit log is kept: `5y`, `72m` or a number of months (default 5 years). Never less
   * than AUDIT_RETENTION_FLOOR_MONTHS: the server refuses to start below it.
   */
  SAMKRAFT_AUDIT_RETENTION: z
    .string()
    .trim()
    .regex(/^[0-9]{1,4}\s*(y|m)?$/i, 'must be a number of years (5y) or months (60m, or 60)')
    .default('5y'),
  /** How often events older than the retention period are removed (milliseconds; default a day; 0 = never, e.g. on all but one instance). */
  SAMKRAFT_AUDIT_PURGE_INTERVAL_MS: z.coerce.number().int().min(0).max(31 * 86_400_000).default(86_400_000),
  // ── Staff sign-in (features/auth): identity providers beside passwords and demo users ──
  /**
   * The staff sign-in methods on, comma-separated, of password, demo, saml, oidc. Default: all in
   * demo mode; saml and oidc otherwise (a production server has no passwords unless this says so).
   */
  SAMKRAFT_STAFF_SIGN_IN_METHODS: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v.split(',').map((m) => m.trim()).filter((m) => m !== '')))
    .refine((list) => list === undefined || list.every((m) => ['password', 'demo', 'saml', 'oidc'].includes(m)), 'must be a comma-separated list of password, demo, saml, oidc'),
  /** The sign-in configuration (JSON: the providers and their role mappings); unset = the built-in demo one in demo mode, else none. */
  SAMKRAFT_STAFF_SIGN_IN_CONFIG: z.string().trim().min(1).optional().or(z.literal('').transform(() => undefined)),
  CITIZEN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(240).default(15),
  // ── Citizens through NemLog-in (SAML 2.0, OIOSAML 3) beside the OpenID Connect broker ──
  /** How citizens may sign in, comma-separated, of oidc (a MitID broker) and saml (NemLog-in). Default: both in demo mode; oidc otherwise. */
  CITIZEN_SIGN_IN: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v.split(',').map((m) => m.trim()).filter((m) => m !== '')))
    .refine((list) => list === undefined || (list.length > 0 && list.every((m) => m === 'oidc' || m === 'saml')), 'must be a comma-separated list of oidc, saml'),
  /** NemLog-in's IdP metadata: an https:// URL (read on first use) or a file (read at start). Unset in demo mode: the local NemLog-in IdP. */
  CITIZEN_SAML_IDP_METADATA: z.string().trim().min(1).optional().or(z.literal('').transform(() => undefined)),
  /** Samkraft's entity id at NemLog-in; default <public URL>/api/auth/saml/nemlog-in/metadata. */
  CITIZEN_SAML_SP_ENTITY_ID: z.string().trim().min(1).optional().or(z.literal('').transform(() => undefined)),
  /** A PEM file: the private key that signs AuthnRequests and logout messages and decrypts assertions (OCES3 system certificate's key). */
  CITIZEN_SAML_SP_KEY: z.string().trim().min(1).optional().or(z.literal('').transform(() => undefined)),
  /** A PEM file: the certificate of that key, as registered with NemLog-in. */
  CITIZEN_SAML_SP_CERTIFICATE: z.string().trim().min(1).optional().or(z.literal('').transform(() => undefined)),
  /** A PEM file: the certificate NemLog-in signs its metadata with; when set, metadata whose signature it does not verify is refused. */
  CITIZEN_SAML_IDP_METADATA_CERTIFICATE: z.string().trim().min(1).optional().or(z.literal('').transform(() => undefined)),
  CITIZEN_SESSION_MAX_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
});

export type Config = {
  databaseUrl: string | undefined;
  databaseReplicaUrl: string | undefined;
  databaseMigrationUrl: string | undefined;
  databasePoolSize: number;
  databaseStatementTimeoutMs: number;
  dataDir: string;
  host: string;
  port: number;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  cookieSecure: boolean;
  demo: boolean;
  /** Demo mode on a PostgreSQL server (both flags given): said in the log and on the sign-in page. */
  demoServer: boolean;
  trustedProxies: string[];
  /** Sign-in attempts a minute per client address. */
  signInLimitPerMinute: number;
  webDistDir: string;
  clockFile: string | undefined;
  /** The messaging module's file drop, how often it runs (0 = not), and the message route's token. */
  messagesDir: string;
  messagesIntervalMs: number;
  messagesToken: string | undefined;
  /** Citizen sign-in: a configured provider, the local demo provider, or none. */
  citizenSignIn: CitizenSignInConfig;
  /** Citizen sign-in through NemLog-in (SAML): configured, the local NemLog-in IdP (demo), or none. */
  citizenSaml: CitizenSamlConfig | undefined;
  /** The audit log's retention in months (at least the floor) and how often the purge runs (0 = never). */
  auditRetentionMonths: number;
  auditPurgeIntervalMs: number;
  /** Where browsers reach Samkraft (SAMKRAFT_PUBLIC_URL, default http://HOST:PORT). */
  publicUrl: string;
  /** Staff sign-in: the methods named (undefined = the default for demo or not) and the configuration file (features/auth/sign-in-config.ts reads it). */
  staffSignInMethods: ('password' | 'demo' | 'saml' | 'oidc')[] | undefined;
  staffSignInConfigFile: string | undefined;
};

/**
 * The least the audit log is kept, in months: five years. A citizen may complain to Styrelsen for
 * Patientklager about a look-up in their health data (sundhedsloven § 42 a) up to five years after
 * it happened (klage- og erstatningsloven § 3 a), and the log is the evidence. ARCHITECTURE.md
 * "Audit log retention" says what was weighed. The purge function of migration 0052 holds the same floor.
 */
export const AUDIT_RETENTION_FLOOR_MONTHS = 60;
export const AUDIT_RETENTION_LAW = 'klage- og erstatningsloven § 3 a (a complaint about a look-up under sundhedsloven § 42 a may come up to 5 years after it)';

/** `5y`, `72m` or `60` (months) as months. */
export function retentionMonths(value: string): number {
  const m = /^([0-9]{1,4})\s*(y|m)?$/i.exec(value.trim());
  if (!m) throw new ConfigError(`configuration error: SAMKRAFT_AUDIT_RETENTION must be a number of years (5y) or months (60m)`);
  const n = Number(m[1]);
  return m[2]?.toLowerCase() === 'y' ? n * 12 : n;
}

/** How citizens sign in (features/citizen-auth). `issuer` is the demo provider's own in demo mode. */
export type CitizenSignInConfig =
  | { mode: 'off' }
  | {
      mode: 'broker' | 'demo';
      publicUrl: string;
      issuer: string;
      clientId: string;
      clientSecret: string;
      redirectUri: string;
      postLogoutRedirectUri: string;
      scope: string;
      cprClaim: string;
      loaClaim: string;
      idleMinutes: number;
      maxMinutes: number;
    };

/**
 * Citizens through NemLog-in (features/citizen-auth, SAML 2.0 OIOSAML 3). `demo`: the local
 * NemLog-in IdP of this process with the committed demo keys; `nemlog-in`: the IdP's metadata (a
 * URL read on first use, or read at start) and Samkraft's keys (PEM, read at start).
 */
export type CitizenSamlConfig = { publicUrl: string; spEntityId: string; idleMinutes: number; maxMinutes: number } & (
  | { mode: 'demo' }
  | { mode: 'nemlog-in'; idp: { url: string } | { metadata: IdpMetadata }; privateKey: string; certificate: string; metadataCertificate?: string | undefined }
);

export class ConfigError extends Error {}

function isAddressOrRange(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  const family = net.isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

/** Parses the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`configuration error: ${name} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  // Demo by default on the embedded database (a laptop trying Samkraft), off on a server.
  const demo = e.SAMKRAFT_DEMO === undefined ? e.DATABASE_URL === undefined : e.SAMKRAFT_DEMO === 'true';
  // Demo users sign in without a password, an administrator among them: on a server that others
  // can reach, that must be meant.
  if (demo && e.DATABASE_URL && e.SAMKRAFT_DEMO_SERVER !== 'true') {
    throw new ConfigError(
      'configuration error: SAMKRAFT_DEMO=true on a PostgreSQL server gives everyone passwordless demo users, an administrator among them; set SAMKRAFT_DEMO_SERVER=true as well if this is a demo server',
    );
  }
  if (e.SAMKRAFT_CLOCK_FILE && !demo) throw new ConfigError('configuration error: SAMKRAFT_CLOCK_FILE is only allowed in demo mode');
  if (e.DATABASE_MIGRATION_URL && !e.DATABASE_URL) throw new ConfigError('configuration error: DATABASE_MIGRATION_URL needs DATABASE_URL (the embedded database has one user)');
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL) throw new ConfigError('configuration error: DATABASE_REPLICA_URL needs DATABASE_URL (the embedded database has no replica)');
  const dataDir = path.resolve(cwd, e.SAMKRAFT_DATA_DIR);
  const citizenMethods = e.CITIZEN_SIGN_IN ?? (demo ? ['oidc', 'saml'] : ['oidc']);
  if (e.CITIZEN_SESSION_IDLE_MINUTES > e.CITIZEN_SESSION_MAX_MINUTES) throw new ConfigError('configuration error: CITIZEN_SESSION_IDLE_MINUTES must not exceed CITIZEN_SESSION_MAX_MINUTES');
  if (e.CITIZEN_SIGN_IN?.includes('oidc') && !demo && !e.CITIZEN_OIDC_ISSUER) throw new ConfigError('configuration error: CITIZEN_SIGN_IN names oidc, which needs CITIZEN_OIDC_ISSUER');
  const citizenSignIn = citizenMethods.includes('oidc') ? citizenSignInConfig(e, demo) : { mode: 'off' as const };
  const citizenSaml = citizenMethods.includes('saml') ? citizenSamlConfig(e, demo, cwd) : undefined;
  const auditRetentionMonths = retentionMonths(e.SAMKRAFT_AUDIT_RETENTION);
  if (auditRetentionMonths < AUDIT_RETENTION_FLOOR_MONTHS) {
    throw new ConfigError(
      `configuration error: SAMKRAFT_AUDIT_RETENTION is ${auditRetentionMonths} months; the audit log is kept at least ${AUDIT_RETENTION_FLOOR_MONTHS} months (5 years) — ${AUDIT_RETENTION_LAW}`,
    );
  }
  return {
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    databaseMigrationUrl: e.DATABASE_MIGRATION_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    dataDir,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    demo,
    demoServer: demo && e.DATABASE_URL !== undefined,
    trustedProxies: e.SAMKRAFT_TRUSTED_PROXIES,
    signInLimitPerMinute: e.SAMKRAFT_SIGN_IN_LIMIT_PER_MINUTE,
    webDistDir: path.resolve(cwd, e.WEB_DIST_DIR ?? 'apps/web/dist'),
    clockFile: e.SAMKRAFT_CLOCK_FILE === undefined ? undefined : path.resolve(cwd, e.SAMKRAFT_CLOCK_FILE),
    messagesDir: e.SAMKRAFT_MESSAGES_DIR === undefined ? path.join(dataDir, 'messages') : path.resolve(cwd, e.SAMKRAFT_MESSAGES_DIR),
    messagesIntervalMs: e.SAMKRAFT_MESSAGES_INTERVAL_MS,
    messagesToken: e.SAMKRAFT_MESSAGES_TOKEN,
    citizenSignIn,
    citizenSaml,
    auditRetentionMonths,
    auditPurgeIntervalMs: e.SAMKRAFT_AUDIT_PURGE_INTERVAL_MS,
    publicUrl: publicUrlOf(e),
    staffSignInMethods: e.SAMKRAFT_STAFF_SIGN_IN_METHODS as Config['staffSignInMethods'],
    staffSignInConfigFile: e.SAMKRAFT_STAFF_SIGN_IN_CONFIG === undefined ? undefined : path.resolve(cwd, e.SAMKRAFT_STAFF_SIGN_IN_CONFIG),
  };
}

function publicUrlOf(e: z.infer<typeof configSchema>): string {
  const host = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  return e.SAMKRAFT_PUBLIC_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${e.PORT}`;
}

function citizenSignInConfig(e: z.infer<typeof configSchema>, demo: boolean): CitizenSignInConfig {
  const publicUrl = publicUrlOf(e);
  if (!e.CITIZEN_OIDC_ISSUER && !demo) return { mode: 'off' };
  if (e.CITIZEN_OIDC_ISSUER && (!e.CITIZEN_OIDC_CLIENT_ID || !e.CITIZEN_OIDC_CLIENT_SECRET)) {
    throw new ConfigError('configuration error: CITIZEN_OIDC_ISSUER needs CITIZEN_OIDC_CLIENT_ID and CITIZEN_OIDC_CLIENT_SECRET');
  }
  const common = {
    publicUrl,
    redirectUri: e.CITIZEN_OIDC_REDIRECT_URI ?? `${publicUrl}/borger/auth/callback`,
    postLogoutRedirectUri: e.CITIZEN_OIDC_POST_LOGOUT_REDIRECT_URI ?? `${publicUrl}/borger/logget-ud`,
    scope: e.CITIZEN_OIDC_SCOPE,
    cprClaim: e.CITIZEN_OIDC_CPR_CLAIM,
    loaClaim: e.CITIZEN_OIDC_LOA_CLAIM,
    idleMinutes: e.CITIZEN_SESSION_IDLE_MINUTES,
    maxMinutes: e.CITIZEN_SESSION_MAX_MINUTES,
  };
  if (e.CITIZEN_OIDC_ISSUER && e.CITIZEN_OIDC_CLIENT_ID && e.CITIZEN_OIDC_CLIENT_SECRET) {
    return { mode: 'broker', issuer: e.CITIZEN_OIDC_ISSUER, clientId: e.CITIZEN_OIDC_CLIENT_ID, clientSecret: e.CITIZEN_OIDC_CLIENT_SECRET, ...common };
  }
  // Demo mode without a provider: the local demo provider in this process, its client secret new at each start.
  return { mode: 'demo', issuer: `${publicUrl}/demo-idp`, clientId: 'samkraft-demo', clientSecret: randomBytes(24).toString('base64url'), ...common };
}

/** A PEM file named by a variable, read at start; the error names the variable. */
function pemFile(name: string, file: string | undefined, cwd: string, kind: 'key' | 'certificate'): string {
  if (!file) throw new ConfigError(`configuration error: CITIZEN_SIGN_IN names saml, which needs ${name} (a PEM file)`);
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch {
    throw new ConfigError(`configuration error: ${name} cannot be read: ${file}`);
  }
  try {
    if (kind === 'key') createPrivateKey(text);
    else new X509Certificate(text);
  } catch {
    throw new ConfigError(`configuration error: ${name} is not a PEM ${kind === 'key' ? 'private key' : 'certificate'}: ${file}`);
  }
  return text;
}

function citizenSamlConfig(e: z.infer<typeof configSchema>, demo: boolean, cwd: string): CitizenSamlConfig {
  const publicUrl = publicUrlOf(e);
  const common = {
    publicUrl,
    spEntityId: e.CITIZEN_SAML_SP_ENTITY_ID ?? `${publicUrl}/api/auth/saml/nemlog-in/metadata`,
    idleMinutes: e.CITIZEN_SESSION_IDLE_MINUTES,
    maxMinutes: e.CITIZEN_SESSION_MAX_MINUTES,
  };
  const source = e.CITIZEN_SAML_IDP_METADATA;
  if (!source) {
    if (demo) return { mode: 'demo', ...common };
    throw new ConfigError('configuration error: CITIZEN_SIGN_IN names saml, which needs CITIZEN_SAML_IDP_METADATA (NemLog-in\'s metadata URL or file)');
  }
  const metadataCertificate = e.CITIZEN_SAML_IDP_METADATA_CERTIFICATE ? pemFile('CITIZEN_SAML_IDP_METADATA_CERTIFICATE', e.CITIZEN_SAML_IDP_METADATA_CERTIFICATE, cwd, 'certificate') : undefined;
  let idp: { url: string } | { metadata: IdpMetadata };
  if (/^https?:\/\//.test(source)) {
    if (!source.startsWith('https://') && !demo) throw new ConfigError('configuration error: CITIZEN_SAML_IDP_METADATA must be an https:// URL or a file');
    idp = { url: source };
  } else {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.resolve(cwd, source));
    } catch {
      throw new ConfigError(`configuration error: CITIZEN_SAML_IDP_METADATA cannot be read: ${source}`);
    }
    try {
      idp = { metadata: readIdpMetadata(bytes, { signingCertificate: metadataCertificate }) };
    } catch (err) {
      throw new ConfigError(`configuration error: CITIZEN_SAML_IDP_METADATA is not an identity provider's metadata: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return {
    mode: 'nemlog-in',
    ...common,
    idp,
    privateKey: pemFile('CITIZEN_SAML_SP_KEY', e.CITIZEN_SAML_SP_KEY, cwd, 'key'),
    certificate: pemFile('CITIZEN_SAML_SP_CERTIFICATE', e.CITIZEN_SAML_SP_CERTIFICATE, cwd, 'certificate'),
    ...(metadataCertificate ? { metadataCertificate } : {}),
  };
}
