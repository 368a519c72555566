import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { sharedServer } from './support/shared-server.ts';

/*
 * Issue 15 on a phone: a citizen signs in with MitID through NemLog-in (SAML 2.0, OIOSAML 3) —
 * here the local NemLog-in IdP of demo mode, which answers with a signed and encrypted assertion
 * — as an official test person, lands on "Mit forløb", and signs out, at NemLog-in too (single
 * logout). Every page: axe finds nothing, whatever the impact.
 *
 * Torre Test Mosebryggersen (an official MedCom test person) has a course in the demo data;
 * citizen-sign-in.test.ts reads it too, and both only read it.
 */

const server = sharedServer();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

async function check(name: string): Promise<void> {
  await screenshot(page, `citizen-nemlogin-${name}`);
  const violations = await checkAccessibility(page, { impacts: 'all' });
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
  const scrollsSideways = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return doc.scrollWidth > doc.clientWidth;
  });
  expect(scrollsSideways, `${name} scrolls sideways on a phone`).toBe(false);
}

describe('the citizen’s door through NemLog-in on a phone', () => {
  it('signs in through the local NemLog-in IdP, shows Mit forløb, and signs out at NemLog-in too', async () => {
    await page.goto(`${server.url}/borger`);
    await page.getByRole('heading', { name: 'Log ind', level: 1 }).waitFor();
    // Demo mode offers both ways in.
    await page.getByRole('link', { name: 'Log ind med MitID', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Log ind med MitID (NemLog-in)' }).waitFor();
    await check('sign-in');

    await page.getByRole('link', { name: 'Log ind med MitID (NemLog-in)' }).click();
    await page.getByRole('heading', { name: 'NemLog-in (demo)', level: 1 }).waitFor();
    await check('idp');
    await page.getByRole('button', { name: 'Torre Test Mosebryggersen' }).click();

    // The IdP's page posts the SAML response to the ACS by itself; the ACS opens the session.
    await page.getByRole('heading', { name: 'Mit forløb', level: 1 }).waitFor();
    await page.getByText('Hej Torre Test Mosebryggersen').waitFor();
    await page.getByRole('heading', { name: 'Din kontaktperson' }).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/0104909989|010490-9989/);
    await check('my-course');

    await page.getByRole('button', { name: 'Log ud' }).click();
    // Samkraft's signed LogoutRequest to NemLog-in, NemLog-in's signed LogoutResponse back: the signed-out page.
    await page.getByRole('heading', { name: 'Du er logget ud', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/borger/logget-ud');
    await check('signed-out');

    // The session is gone: Mit forløb asks for sign-in again.
    await page.goto(`${server.url}/borger`);
    await page.getByRole('heading', { name: 'Log ind', level: 1 }).waitFor();

    // The CPR came from the assertion and went nowhere else: not into the server's log.
    const logs = (await server.logs()).join('\n');
    expect(logs).toContain('/api/auth/saml/nemlog-in/acs');
    expect(logs).not.toMatch(/0104909989|010490-9989/);
  });
});
