import crypto from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_PREFIX, currentRunOwner, databaseUrl, labelDatabase, quoteIdent, withAdminClient } from '../../apps/server/src/test-support/postgres-admin.ts';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/start-server.ts';

// Demo mode on a PostgreSQL server (SAMKRAFT_DEMO=true and SAMKRAFT_DEMO_SERVER=true): the log
// and the sign-in page say that anyone may sign in as the demo users. (Without the second flag
// the start is refused: config.test.ts.) It runs as a production server would: migrated by the
// owner (DATABASE_MIGRATION_URL), serving as a role with only the rights it needs (DATABASE_URL,
// a member of samkraft_app). Needs a PostgreSQL server, like the db:postgres tests.
const adminUrl = process.env.SAMKRAFT_TEST_PG_URL;
const SERVER_GROUP = 'samkraft_app';
const SERVER_ROLE = 'samkraft_test_server';

describe.skipIf(!adminUrl)('a demo server on PostgreSQL', { timeout: 180_000 }, () => {
  const name = `${TEST_DATABASE_PREFIX}demo_${crypto.randomBytes(4).toString('hex')}`;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await withAdminClient(adminUrl!, async (admin) => {
      await admin.query(`create database ${quoteIdent(name)}`);
      await labelDatabase(admin, name, currentRunOwner());
      // What a DBA does once per PostgreSQL server (README); idempotent, as parallel runs share it.
      for (const role of [`${SERVER_GROUP} nologin`, `${SERVER_ROLE} login in role ${SERVER_GROUP}`]) {
        await admin.query(`do $$ begin create role ${role}; exception when duplicate_object or unique_violation then null; end $$`);
      }
    });
    const serverUrl = new URL(databaseUrl(adminUrl!, name));
    serverUrl.username = SERVER_ROLE;
    serverUrl.password = '';
    const env = { DATABASE_URL: serverUrl.toString(), DATABASE_MIGRATION_URL: databaseUrl(adminUrl!, name), SAMKRAFT_DEMO: 'true', SAMKRAFT_DEMO_SERVER: 'true' };
    [server, browser] = await Promise.all([
      startServer({ env, timeoutMs: 150_000 }),
      launchBrowser(),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([server?.stop(), browser?.close()]);
    await withAdminClient(adminUrl!, (admin) => admin.query(`drop database if exists ${quoteIdent(name)} with (force)`));
  });

  it('says so in the log', () => {
    expect(server.logs.some((line) => line.includes('"level":40') && line.includes('DEMO SERVER'))).toBe(true);
  });

  it('serves as a role that cannot rewrite the audit log (no warning about it)', () => {
    expect(server.logs.filter((line) => line.includes('could rewrite the audit log'))).toEqual([]);
  });

  it('says so on the sign-in page, above the demo users, in Danish and accessibly', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${server.url}/login`);
      const banner = page.getByRole('alert').filter({ hasText: 'Demoserver' });
      await banner.waitFor();
      expect(await banner.innerText()).toContain('uden adgangskode');
      await page.getByRole('combobox', { name: 'Demobruger', exact: true }).waitFor();
      await screenshot(page, 'demo-server-sign-in');
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("signs a demo user in: the session and its audit event written by the server's role", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
      await page.getByRole('link', { name: 'Arbejdsliste' }).waitFor();
    } finally {
      await page.close();
    }
  });
});
