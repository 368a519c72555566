import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPhonePage, newPhonePage } from './support/check-phone-page.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { sharedServer } from './support/shared-server.ts';
import { demoSubject } from '../../apps/server/src/features/citizen-auth/demo-test-persons.ts';

/*
 * Issue 13.1 on a phone: a citizen signs in through the demo identity provider (in MitID's place)
 * as an official test person, sees "Mit forløb" — the contact person, the plan with its goals, the
 * service and who provides it — and signs out, at the provider too. Issue 15: the same through
 * NemLog-in (SAML 2.0, OIOSAML 3) — the local NemLog-in IdP of demo mode, which answers with a
 * signed and encrypted assertion — signing out at NemLog-in too (single logout). Every page: axe
 * finds nothing, whatever the impact.
 *
 * Torre Test Mosebryggersen (an official MedCom test person, refdata/cpr/dkcore_medcom_test_patients.json)
 * has a course in the demo data (in a team in Lyngby-Taarbæk) that no other browser file uses; this
 * file only reads it.
 */

const server = sharedServer();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPhonePage(browser);
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

const check = (name: string) => checkPhonePage(page, `citizen-${name}`);

describe('the citizen’s door on a phone', () => {
  it('signs in through the demo identity provider, shows Mit forløb, and signs out', async () => {
    await page.goto(`${server.url}/borger`);
    await page.getByRole('heading', { name: 'Log ind', level: 1 }).waitFor();
    await check('sign-in');

    await page.getByRole('link', { name: 'Log ind med MitID', exact: true }).click();
    await page.getByRole('heading', { name: 'Demo-login' }).waitFor();
    await check('demo-provider');
    await page.getByRole('button', { name: 'Torre Test Mosebryggersen' }).click();

    await page.getByRole('heading', { name: 'Mit forløb', level: 1 }).waitFor();
    await page.getByText('Hej Torre Test Mosebryggersen').waitFor();
    await page.getByRole('heading', { name: 'Din kontaktperson' }).waitFor();
    await page.getByRole('heading', { name: 'Din plan' }).waitFor();
    await page.getByRole('heading', { name: 'Dine mål' }).waitFor();
    await page.getByRole('heading', { name: 'Dine tilbud' }).waitFor();
    await expect(page.getByText(/Tilbydes af .+ Kommune/).first().isVisible()).resolves.toBe(true);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/0104909989|010490-9989/);
    await check('my-course');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My course', level: 1 }).waitFor();
    await check('my-course-en');
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('heading', { name: 'Mit forløb', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('heading', { name: 'Log ud af demo-login?' }).waitFor();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('heading', { name: 'Du er logget ud', level: 1 }).waitFor();
    await check('signed-out');

    // The session is gone: Mit forløb asks for sign-in again.
    await page.goto(`${server.url}/borger`);
    await page.getByRole('heading', { name: 'Log ind', level: 1 }).waitFor();

    // The CPR came from the provider's claim and went nowhere else: not into the server's log.
    const logs = (await server.logs()).join('\n');
    expect(logs).toContain('/borger/auth/callback');
    expect(logs).not.toMatch(/0104909989|010490-9989/);
  });

  it('tells a person Samkraft does not know so — also on a device where someone else was signed in', async () => {
    await page.goto(`${server.url}/borger/auth/log-ind`);
    await page.getByRole('button', { name: 'Torre Test Mosebryggersen' }).click();
    await page.getByRole('heading', { name: 'Mit forløb', level: 1 }).waitFor();
    // Cæsar Test Østergård, an official test person whom no demo record and no browser test registers, signs in next
    // without Torre signing out (by his subject: other files register other test persons on the shared server).
    await page.goto(`${server.url}/borger/auth/log-ind`);
    await page.getByRole('heading', { name: 'Demo-login' }).waitFor();
    await page.locator(`button[value="${demoSubject('2311143995')}"]`).click();
    await page.getByRole('heading', { name: 'Vi har ingen oplysninger om dig i Samkraft', level: 1 }).waitFor();
    await check('unknown');
    // Torre's session went with the new sign-in: /borger asks for sign-in.
    await page.goto(`${server.url}/borger`);
    await page.getByRole('heading', { name: 'Log ind', level: 1 }).waitFor();
  });
});

describe('the citizen’s door through NemLog-in on a phone', () => {
  it('signs in through the local NemLog-in IdP, shows Mit forløb, and signs out at NemLog-in too', async () => {
    await page.goto(`${server.url}/borger`);
    await page.getByRole('heading', { name: 'Log ind', level: 1 }).waitFor();
    // Demo mode offers both ways in.
    await page.getByRole('link', { name: 'Log ind med MitID', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Log ind med MitID (NemLog-in)' }).waitFor();
    await check('nemlogin-sign-in');

    await page.getByRole('link', { name: 'Log ind med MitID (NemLog-in)' }).click();
    await page.getByRole('heading', { name: 'NemLog-in (demo)', level: 1 }).waitFor();
    await check('nemlogin-idp');
    await page.getByRole('button', { name: 'Torre Test Mosebryggersen' }).click();

    // The IdP's page posts the SAML response to the ACS by itself; the ACS opens the session.
    await page.getByRole('heading', { name: 'Mit forløb', level: 1 }).waitFor();
    await page.getByText('Hej Torre Test Mosebryggersen').waitFor();
    await page.getByRole('heading', { name: 'Din kontaktperson' }).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/0104909989|010490-9989/);
    await check('nemlogin-my-course');

    await page.getByRole('button', { name: 'Log ud' }).click();
    // Samkraft's signed LogoutRequest to NemLog-in, NemLog-in's signed LogoutResponse back: the signed-out page.
    await page.getByRole('heading', { name: 'Du er logget ud', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/borger/logget-ud');
    await check('nemlogin-signed-out');

    // The session is gone: Mit forløb asks for sign-in again.
    await page.goto(`${server.url}/borger`);
    await page.getByRole('heading', { name: 'Log ind', level: 1 }).waitFor();

    // The CPR came from the assertion and went nowhere else: not into the server's log.
    const logs = (await server.logs()).join('\n');
    expect(logs).toContain('/api/auth/saml/nemlog-in/acs');
    expect(logs).not.toMatch(/0104909989|010490-9989/);
  });
});
