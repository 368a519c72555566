import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { sharedServer } from './support/shared-server.ts';
import { signInAsDemoUser } from './support/sign-in.ts';

/*
 * Issue 15: staff sign in through the local identity providers of demo mode — the SAML IdP that
 * answers as KOMBIT's Context Handler (signed and encrypted assertions, job-function roles with
 * KLE restrictions, CVR, NSIS level) and the OIDC provider that stands in for Gladsaxe's Microsoft
 * account (a `groups` claim). A user whose role is taken away at the IdP cannot sign in again;
 * single logout from the IdP ends Samkraft's session. The users are the local IdPs' own
 * (features/auth/demo-staff-directory.ts), not the demo users; no other browser file uses them.
 */

const server = sharedServer();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function fresh(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

async function rolesOf(page: Page): Promise<{ status: number; roles: string[]; municipality: string }> {
  return page.evaluate(async () => {
    const res = await fetch('/api/auth/session');
    if (res.status !== 200) return { status: res.status, roles: [], municipality: '' };
    const body = (await res.json()) as { user: { roles: string[]; municipality: { code: string } } };
    return { status: 200, roles: body.user.roles, municipality: body.user.municipality.code };
  });
}

async function signInWithKombit(page: Page, name: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByRole('link', { name: 'Log ind med KOMBIT (Fælleskommunal Adgangsstyring)' }).click();
  await page.getByRole('heading', { name: 'Fælleskommunal Adgangsstyring (demo)' }).waitFor();
  await page.getByRole('button', { name, exact: true }).click();
}

describe('staff sign-in through identity providers', () => {
  it('a Gladsaxe contact person signs in through the KOMBIT-shaped SAML IdP and lands on their worklist with the mapped role', async () => {
    const { context, page } = await fresh();
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Log ind med KOMBIT (Fælleskommunal Adgangsstyring)' }).waitFor();
    await page.getByRole('link', { name: 'Log ind med Gladsaxe Kommunes Microsoft-konto' }).waitFor();
    const violations = await checkAccessibility(page, { impacts: 'all' });
    expect(violations, formatViolations(violations)).toEqual([]);
    await screenshot(page, 'staff-sign-in-page');
    await signInWithKombit(page, 'Karen Kontaktperson');
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('heading', { name: 'Mine borgere' }).waitFor();
    await screenshot(page, 'staff-sign-in-saml-landed');
    expect(await rolesOf(page)).toEqual({ status: 200, roles: ['contact_person'], municipality: '0159' });
    await context.close();
  });

  it('the same through the local OIDC provider (groups claim → role)', async () => {
    const { context, page } = await fresh();
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Log ind med Gladsaxe Kommunes Microsoft-konto' }).click();
    await page.getByRole('heading', { name: 'Lokal Microsoft-konto (demo)' }).waitFor();
    await page.getByRole('button', { name: 'Karen Kontaktperson', exact: true }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('heading', { name: 'Mine borgere' }).waitFor();
    expect(await rolesOf(page)).toEqual({ status: 200, roles: ['contact_person'], municipality: '0159' });
    await context.close();
  });

  it('a user whose role is removed at the IdP cannot sign in again, and is told why in Danish', async () => {
    const { context, page } = await fresh();
    await signInWithKombit(page, 'Lea Leder');
    await page.waitForURL(`${server.url}/`);
    expect((await rolesOf(page)).roles).toEqual(['municipal_lead']);
    // The administrator takes the role away at the identity provider.
    await page.goto(`${server.url}/demo-saml-idp/brugere`);
    const lea = page.getByRole('group', { name: 'Lea Leder' });
    await lea.getByRole('checkbox', { name: 'municipal_lead' }).uncheck();
    await lea.getByRole('button', { name: 'Gem roller for Lea Leder' }).click();
    await page.getByRole('heading', { name: 'Lokale identitetsudbydere – brugere' }).waitFor();
    // Her open session ends with the deactivation at the next sign-in, which is refused (still
    // signed in, the sign-in page would send her on, so the provider's login is opened directly).
    await page.goto(`${server.url}/api/auth/saml/kombit/login`);
    await page.getByRole('heading', { name: 'Fælleskommunal Adgangsstyring (demo)' }).waitFor();
    await page.getByRole('button', { name: 'Lea Leder', exact: true }).click();
    await page.waitForURL(`${server.url}/login?fejl=no_role`);
    await page.getByText('Du har ingen rolle i Samkraft hos din login-udbyder. Kontakt din kommunes administrator.').waitFor();
    await screenshot(page, 'staff-sign-in-no-role');
    expect((await rolesOf(page)).status).toBe(401);
    await context.close();
  });

  it('single logout from the IdP ends the Samkraft session', async () => {
    const { context, page } = await fresh();
    await signInWithKombit(page, 'Tom Terapeut');
    await page.waitForURL(`${server.url}/`);
    expect((await rolesOf(page)).status).toBe(200);
    await page.goto(`${server.url}/demo-saml-idp/brugere`);
    await page.getByRole('button', { name: 'Log Tom Terapeut ud overalt' }).last().click();
    await page.getByRole('heading', { name: 'Logget ud overalt' }).waitFor();
    expect((await rolesOf(page)).status).toBe(401);
    await page.goto(`${server.url}/`);
    await page.waitForURL('**/login');
    await context.close();
  });

  it('signing out in Samkraft signs out at the IdP too (SP-initiated single logout)', async () => {
    const { context, page } = await fresh();
    await signInWithKombit(page, 'Karen Kontaktperson');
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('button', { name: 'Log ud' }).first().click();
    await page.waitForURL(`${server.url}/login?logget-ud=1`);
    await page.getByText('Du er logget ud – også hos login-udbyderen.').waitFor();
    expect((await rolesOf(page)).status).toBe(401);
    await context.close();
  });

  it('OIDC back-channel logout: signing out at the provider ends the Samkraft session of its sid', async () => {
    const { context, page } = await fresh();
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Log ind med Gladsaxe Kommunes Microsoft-konto' }).click();
    await page.getByRole('button', { name: 'Tom Terapeut', exact: true }).click();
    await page.waitForURL(`${server.url}/`);
    expect((await rolesOf(page)).roles).toEqual(['therapist']);
    // Signed out at the provider, not in Samkraft: the provider tells Samkraft over the back channel.
    await page.goto(`${server.url}/demo-staff-idp/session/end?client_id=samkraft-staff-demo`);
    await page.getByRole('heading', { name: 'Log ud af den lokale Microsoft-konto?' }).waitFor();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('heading', { name: 'Du er logget ud' }).waitFor();
    expect((await rolesOf(page)).status).toBe(401);
    await context.close();
  });

  it('an administrator reads the providers and their role mappings in words on the organisations page', async () => {
    const { context, page } = await fresh();
    await signInAsDemoUser(page, server.url, 'samkraft.admin');
    await page.goto(`${server.url}/organisationer`);
    await page.getByRole('heading', { name: 'Login for medarbejdere' }).waitFor();
    await page.getByText('Slået til: password, demo, saml, oidc.').waitFor();
    await page.getByText(/Jobfunktionsrollen .*contact_person.* → rollen contact_person\./).first().waitFor();
    await screenshot(page, 'staff-sign-in-admin-view');
    const violations = await checkAccessibility(page, { impacts: 'all' });
    expect(violations, formatViolations(violations)).toEqual([]);
    await context.close();
  });
});

