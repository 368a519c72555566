import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data with demo data', () => {
    const c = loadConfig({}, '/srv/samkraft');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe(path.resolve('/srv/samkraft/data'));
    expect(c.demo).toBe(true);
    expect(c.port).toBe(3000);
    expect(c.cookieSecure).toBe(true);
  });
  it('turns demo off by default on a PostgreSQL server', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db.example/samkraft' }).demo).toBe(false);
  });
  it('refuses demo mode on a PostgreSQL server unless SAMKRAFT_DEMO_SERVER says it is a demo server', () => {
    const server = { DATABASE_URL: 'postgres://u@db.example/samkraft', SAMKRAFT_DEMO: 'true' };
    expect(() => loadConfig(server)).toThrow(ConfigError);
    expect(() => loadConfig(server)).toThrow(/^configuration error: SAMKRAFT_DEMO=true on a PostgreSQL server .*set SAMKRAFT_DEMO_SERVER=true/);
    expect(() => loadConfig({ ...server, SAMKRAFT_DEMO_SERVER: 'false' })).toThrow(ConfigError);
    const demoServer = loadConfig({ ...server, SAMKRAFT_DEMO_SERVER: 'true' });
    expect([demoServer.demo, demoServer.demoServer]).toEqual([true, true]);
    // The embedded database on a laptop stays a demo without more ado.
    expect([loadConfig({}).demo, loadConfig({}).demoServer]).toEqual([true, false]);
  });
  it('allows 10 sign-in attempts a minute per address unless told otherwise, and refuses a limit below one', () => {
    expect(loadConfig({}).signInLimitPerMinute).toBe(10);
    expect(loadConfig({ SAMKRAFT_SIGN_IN_LIMIT_PER_MINUTE: '600' }).signInLimitPerMinute).toBe(600);
    expect(() => loadConfig({ SAMKRAFT_SIGN_IN_LIMIT_PER_MINUTE: '0' })).toThrow(/^configuration error: SAMKRAFT_SIGN_IN_LIMIT_PER_MINUTE/);
  });
  it('trusts no proxy unless given, and only addresses or CIDR ranges', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ SAMKRAFT_TRUSTED_PROXIES: ' 10.0.0.5, 192.168.0.0/16 ,::1' }).trustedProxies).toEqual(['10.0.0.5', '192.168.0.0/16', '::1']);
    expect(() => loadConfig({ SAMKRAFT_TRUSTED_PROXIES: 'true' })).toThrow(/^configuration error: SAMKRAFT_TRUSTED_PROXIES must be a comma-separated list/);
    expect(() => loadConfig({ SAMKRAFT_TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/SAMKRAFT_TRUSTED_PROXIES/);
  });
  it('takes a migration (owner) URL only beside DATABASE_URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://samkraft_server@db/samkraft', DATABASE_MIGRATION_URL: 'postgres://samkraft_owner@db/samkraft' });
    expect(c.databaseMigrationUrl).toBe('postgres://samkraft_owner@db/samkraft');
    expect(() => loadConfig({ DATABASE_MIGRATION_URL: 'postgres://o@db/s' })).toThrow(/^configuration error: DATABASE_MIGRATION_URL needs DATABASE_URL/);
  });
  it('refuses a DATABASE_URL that is not a postgres URL, in one line naming the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/^configuration error: DATABASE_URL must be a postgres/);
  });
  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });
  it('takes a clock file only in demo mode', () => {
    expect(loadConfig({ SAMKRAFT_CLOCK_FILE: 'clock.txt' }, '/srv/samkraft').clockFile).toBe(path.resolve('/srv/samkraft/clock.txt'));
    expect(loadConfig({}).clockFile).toBeUndefined();
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db.example/samkraft', SAMKRAFT_CLOCK_FILE: 'clock.txt' })).toThrow(
      /^configuration error: SAMKRAFT_CLOCK_FILE is only allowed in demo mode$/,
    );
  });
  it('sizes the PostgreSQL pool, limits a statement, and takes a read replica only beside a server', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db.example/samkraft' });
    expect([c.databasePoolSize, c.databaseStatementTimeoutMs, c.databaseReplicaUrl]).toEqual([10, 120_000, undefined]);
    const tuned = loadConfig({
      DATABASE_URL: 'postgres://u@db.example/samkraft',
      DATABASE_REPLICA_URL: 'postgres://u@replica.example/samkraft',
      DATABASE_POOL_SIZE: '40',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
    });
    expect([tuned.databasePoolSize, tuned.databaseStatementTimeoutMs, tuned.databaseReplicaUrl]).toEqual([40, 0, 'postgres://u@replica.example/samkraft']);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db.example/s', DATABASE_POOL_SIZE: '0' })).toThrow(/^configuration error: DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db.example/s', DATABASE_STATEMENT_TIMEOUT_MS: 'soon' })).toThrow(/^configuration error: DATABASE_STATEMENT_TIMEOUT_MS/);
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://u@replica.example/samkraft' })).toThrow(
      /^configuration error: DATABASE_REPLICA_URL needs DATABASE_URL/,
    );
  });
  it("keeps the messages in <data dir>/messages, runs them every minute, and takes the message route's token only when long enough", () => {
    const c = loadConfig({}, '/srv/samkraft');
    expect([c.messagesDir, c.messagesIntervalMs, c.messagesToken]).toEqual([path.resolve('/srv/samkraft/data/messages'), 60_000, undefined]);
    const set = loadConfig({ SAMKRAFT_MESSAGES_DIR: 'drop', SAMKRAFT_MESSAGES_INTERVAL_MS: '0', SAMKRAFT_MESSAGES_TOKEN: 'x'.repeat(32) }, '/srv/samkraft');
    expect([set.messagesDir, set.messagesIntervalMs, set.messagesToken]).toEqual([path.resolve('/srv/samkraft/drop'), 0, 'x'.repeat(32)]);
    expect(loadConfig({ SAMKRAFT_MESSAGES_TOKEN: '' }).messagesToken).toBeUndefined();
    expect(() => loadConfig({ SAMKRAFT_MESSAGES_TOKEN: 'short' })).toThrow(/^configuration error: SAMKRAFT_MESSAGES_TOKEN must be at least 32 characters/);
    expect(() => loadConfig({ SAMKRAFT_MESSAGES_INTERVAL_MS: '-1' })).toThrow(/^configuration error: SAMKRAFT_MESSAGES_INTERVAL_MS/);
  });
});

describe('citizen sign-in configuration (issue 13)', () => {
  it('wires the local demo identity provider in demo mode, at the public URL', () => {
    const c = loadConfig({ PORT: '3000' }, '/srv/samkraft').citizenSignIn;
    expect(c).toMatchObject({ mode: 'demo', issuer: 'http://127.0.0.1:3000/demo-idp', redirectUri: 'http://127.0.0.1:3000/borger/auth/callback', cprClaim: 'dk.cpr', loaClaim: 'loa', scope: 'openid mitid ssn' });
    expect(loadConfig({ SAMKRAFT_PUBLIC_URL: 'https://samkraft.example.dk/' }, '/srv').citizenSignIn).toMatchObject({ issuer: 'https://samkraft.example.dk/demo-idp' });
  });

  it('takes a broker with its client, and refuses one without', () => {
    const env = { DATABASE_URL: 'postgres://x@db/samkraft', CITIZEN_OIDC_ISSUER: 'https://broker.example.dk/op', CITIZEN_OIDC_CLIENT_ID: 'samkraft', CITIZEN_OIDC_CLIENT_SECRET: 's3cret', CITIZEN_OIDC_CPR_CLAIM: 'mitid.cpr' };
    expect(loadConfig(env, '/srv').citizenSignIn).toMatchObject({ mode: 'broker', issuer: 'https://broker.example.dk/op', clientId: 'samkraft', cprClaim: 'mitid.cpr' });
    expect(() => loadConfig({ ...env, CITIZEN_OIDC_CLIENT_SECRET: '' }, '/srv')).toThrow(/CITIZEN_OIDC_CLIENT_ID and CITIZEN_OIDC_CLIENT_SECRET/);
    expect(() => loadConfig({ ...env, CITIZEN_OIDC_SCOPE: 'mitid ssn' }, '/srv')).toThrow(/CITIZEN_OIDC_SCOPE must include openid/);
  });

  it('offers no citizen sign-in on a server without a provider', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@db/samkraft' }, '/srv').citizenSignIn).toEqual({ mode: 'off' });
    expect(loadConfig({ DATABASE_URL: 'postgres://x@db/samkraft' }, '/srv').citizenSaml).toBeUndefined();
  });
});

describe('citizen sign-in through NemLog-in (CITIZEN_SIGN_IN, CITIZEN_SAML_*)', () => {
  const server = { DATABASE_URL: 'postgres://x@db/samkraft' };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-citizen-saml-'));
  const file = (name: string, text: string) => {
    fs.writeFileSync(path.join(tmp, name), text);
    return path.join(tmp, name);
  };
  const key = file('sp.key', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());

  it('offers both ways in demo mode, the local NemLog-in IdP among them; one when CITIZEN_SIGN_IN names one', () => {
    const c = loadConfig({ PORT: '3000' }, '/srv');
    expect(c.citizenSignIn.mode).toBe('demo');
    expect(c.citizenSaml).toMatchObject({ mode: 'demo', spEntityId: 'http://127.0.0.1:3000/api/auth/saml/nemlog-in/metadata' });
    expect(loadConfig({ CITIZEN_SIGN_IN: 'saml' }, '/srv')).toMatchObject({ citizenSignIn: { mode: 'off' }, citizenSaml: { mode: 'demo' } });
    expect(loadConfig({ CITIZEN_SIGN_IN: 'oidc' }, '/srv').citizenSaml).toBeUndefined();
  });

  it('refuses what is wrong in one line naming the variable', () => {
    expect(() => loadConfig({ CITIZEN_SIGN_IN: 'saml,nemid' }, '/srv')).toThrow(/^configuration error: CITIZEN_SIGN_IN must be a comma-separated list of oidc, saml$/);
    expect(() => loadConfig({ ...server, CITIZEN_SIGN_IN: 'oidc' }, '/srv')).toThrow(/CITIZEN_SIGN_IN names oidc, which needs CITIZEN_OIDC_ISSUER/);
    expect(() => loadConfig({ ...server, CITIZEN_SIGN_IN: 'saml' }, '/srv')).toThrow(/CITIZEN_SIGN_IN names saml, which needs CITIZEN_SAML_IDP_METADATA/);
    const metadataUrl = { ...server, CITIZEN_SIGN_IN: 'saml', CITIZEN_SAML_IDP_METADATA: 'https://nemlog-in.example.dk/metadata' };
    expect(() => loadConfig({ ...metadataUrl, CITIZEN_SAML_IDP_METADATA: 'http://nemlog-in.example.dk/metadata' }, '/srv')).toThrow(/CITIZEN_SAML_IDP_METADATA must be an https:\/\/ URL or a file/);
    expect(() => loadConfig(metadataUrl, '/srv')).toThrow(/CITIZEN_SAML_SP_KEY \(a PEM file\)/);
    expect(() => loadConfig({ ...metadataUrl, CITIZEN_SAML_SP_KEY: path.join(tmp, 'missing.key') }, '/srv')).toThrow(/CITIZEN_SAML_SP_KEY cannot be read/);
    expect(() => loadConfig({ ...metadataUrl, CITIZEN_SAML_SP_KEY: file('not.key', 'hello') }, '/srv')).toThrow(/CITIZEN_SAML_SP_KEY is not a PEM private key/);
    expect(() => loadConfig({ ...metadataUrl, CITIZEN_SAML_SP_KEY: key }, '/srv')).toThrow(/CITIZEN_SAML_SP_CERTIFICATE \(a PEM file\)/);
    expect(() => loadConfig({ ...metadataUrl, CITIZEN_SAML_SP_KEY: key, CITIZEN_SAML_SP_CERTIFICATE: key }, '/srv')).toThrow(/CITIZEN_SAML_SP_CERTIFICATE is not a PEM certificate/);
    expect(() => loadConfig({ ...metadataUrl, CITIZEN_SAML_IDP_METADATA: file('md.xml', '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>') }, '/srv')).toThrow(
      /CITIZEN_SAML_IDP_METADATA is not an identity provider's metadata: the metadata has no EntityDescriptor with an IDPSSODescriptor/,
    );
    expect(() => loadConfig({ ...metadataUrl, CITIZEN_SAML_IDP_METADATA_CERTIFICATE: path.join(tmp, 'missing.pem') }, '/srv')).toThrow(/CITIZEN_SAML_IDP_METADATA_CERTIFICATE cannot be read/);
    expect(() => loadConfig({ ...metadataUrl, CITIZEN_SAML_IDP_METADATA_CERTIFICATE: key }, '/srv')).toThrow(/CITIZEN_SAML_IDP_METADATA_CERTIFICATE is not a PEM certificate/);
  });

  it('keeps the audit log five years by default, takes years or months, and refuses to start below the floor, naming the law', () => {
    expect(loadConfig({}).auditRetentionMonths).toBe(60);
    expect(loadConfig({ SAMKRAFT_AUDIT_RETENTION: '7y' }).auditRetentionMonths).toBe(84);
    expect(loadConfig({ SAMKRAFT_AUDIT_RETENTION: '72m' }).auditRetentionMonths).toBe(72);
    expect(loadConfig({ SAMKRAFT_AUDIT_RETENTION: '66' }).auditRetentionMonths).toBe(66);
    expect(() => loadConfig({ SAMKRAFT_AUDIT_RETENTION: '6m' })).toThrow(/kept at least 60 months .*klage- og erstatningsloven § 3 a/);
    expect(() => loadConfig({ SAMKRAFT_AUDIT_RETENTION: 'forever' })).toThrow(/SAMKRAFT_AUDIT_RETENTION/);
    expect(loadConfig({}).auditPurgeIntervalMs).toBe(86_400_000);
  });
});
