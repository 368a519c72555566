import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@samkraft/contracts/reports';
import { checkPhonePage } from './support/check-phone-page.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { createPlannedCourse, getJson } from './support/page-api.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/start-server.ts';
import { NEW_CITIZENS } from './support/test-persons.ts';

/*
 * Issue 13.5 on a phone: at the closing conversation the contact person chooses "the citizen
 * answers on their own phone"; Dreng Test Levendefødt (an official MedCom test person) signs in
 * through the demo identity provider, finds the questionnaire under "Spørgeskema" and answers it;
 * the closing page then shows the answers as the citizen's, and the report counts them. Every page:
 * axe finds nothing, whatever the impact, and nothing scrolls sideways.
 *
 * On a server of its own: on the shared one citizen-sign-in.test.ts signs Dreng in as a person
 * Samkraft does not know, which he is no longer once this file has registered him.
 */

const DRENG = NEW_CITIZENS.drengQ;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

let server: RunningServer;
let browser: Browser;
let staffContext: BrowserContext;
let citizenContext: BrowserContext;
let staff: Page;
let citizen: Page;
let courseId = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  staffContext = await browser.newContext(PHONE);
  citizenContext = await browser.newContext(PHONE);
  staff = await staffContext.newPage();
  citizen = await citizenContext.newPage();
}, 120_000);
afterAll(async () => {
  await staffContext?.close();
  await citizenContext?.close();
  await Promise.all([browser?.close(), server?.stop()]);
});

async function check(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await checkPhonePage(page, `questionnaire-${name}`);
}

describe('the questionnaire at closing, answered on the citizen’s own phone', () => {
  it('the contact person records the closing conversation and lets the citizen answer on their phone', async () => {
    await signInAsDemoUser(staff, server.url, 'gladsaxe.kontakt');
    courseId = await createPlannedCourse(staff, DRENG, { diagnosisCode: 'DC50' });
    await staff.goto(`${server.url}/forloeb/${courseId}/afslutning`);
    await staff.getByRole('heading', { level: 1, name: 'Afslutning af forløbet' }).waitFor();
    await staff.getByRole('textbox', { name: 'Evaluering af forløbet' }).fill('Målet om at gå en tur hver dag er nået.');
    await staff.getByRole('radiogroup', { name: 'Blev borgeren spurgt?' }).getByRole('radio', { name: 'Borgeren svarer selv på sin egen telefon' }).check();
    // No answers to type in: the questions go to the citizen.
    expect(await staff.getByRole('radiogroup', { name: 'Hvor tilfreds er du med det samlede forløb?' }).count()).toBe(0);
    await staff.getByRole('button', { name: 'Gem samtalen' }).click();
    await staff.getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();
    await staff.getByText(/^Spørgeskemaet er sendt til borgerens sider .+ Borgeren kan svare til og med /).waitFor();
    await check(staff, 'staff-sent');
  });

  it('the citizen signs in through the demo identity provider and answers — once', async () => {
    await citizen.goto(`${server.url}/borger`);
    await citizen.getByRole('link', { name: 'Log ind med MitID', exact: true }).click();
    await citizen.getByRole('heading', { name: 'Demo-login' }).waitFor();
    await citizen.getByRole('button', { name: 'Dreng Test Levendefødt' }).first().click();
    await citizen.getByRole('heading', { name: 'Mit forløb', level: 1 }).waitFor();

    await citizen.getByRole('navigation', { name: 'Dine sider' }).getByRole('link', { name: 'Spørgeskema' }).click();
    await citizen.getByRole('heading', { name: 'Spørgeskema', level: 1 }).waitFor();
    await citizen.getByRole('heading', { name: 'Hvad synes du om dit forløb?', level: 2 }).waitFor();
    expect(await citizen.getByRole('link', { name: 'Spørgeskema' }).getAttribute('aria-current')).toBe('page');
    await check(citizen, 'citizen-open');

    // Nothing chosen: each question says so, and nothing is sent.
    await citizen.getByRole('button', { name: 'Send svar' }).click();
    await expect.poll(() => citizen.getByText('Vælg et svar.', { exact: false }).count()).toBe(2);
    await check(citizen, 'citizen-missing');

    const satisfaction = citizen.getByRole('group', { name: 'Hvor tilfreds er du med det samlede forløb?' });
    const benefit = citizen.getByRole('group', { name: 'Hvor meget har det samlede forløb hjulpet dig?' });
    await satisfaction.getByText('5 – Meget tilfreds', { exact: true }).click();
    await benefit.getByText('Vil ikke svare', { exact: true }).click();
    expect(await satisfaction.getByRole('radio', { name: '5 – Meget tilfreds' }).isChecked()).toBe(true);
    expect(await benefit.getByRole('radio', { name: 'Vil ikke svare' }).isChecked()).toBe(true);
    await citizen.getByRole('button', { name: 'Send svar' }).click();
    await citizen.getByText('Tak for dine svar').waitFor();
    await citizen.getByText(/^Du svarede den .+ Dine svar kan ikke ændres\.$/).waitFor();
    expect(await citizen.getByRole('button', { name: 'Send svar' }).count()).toBe(0);
    await check(citizen, 'citizen-answered');

    await citizen.getByRole('button', { name: 'English' }).click();
    await citizen.getByRole('heading', { name: 'Questionnaire', level: 1 }).waitFor();
    await citizen.getByText('Thank you for your answers').waitFor();
    await check(citizen, 'citizen-answered-en');
    await citizen.getByRole('button', { name: 'Dansk' }).click();
  });

  it('the closing page shows the answers as the citizen’s, and the report counts them', async () => {
    await staff.reload();
    await staff.getByText('Besvaret af borgeren', { exact: true }).waitFor();
    const answers = staff.getByRole('group', { name: 'Besvaret af borgeren' });
    await answers.getByText('5 – Meget tilfreds').waitFor();
    await answers.getByText('Vil ikke svare', { exact: true }).waitFor();
    // Staff cannot answer in the citizen's place any more.
    expect(await staff.getByRole('radiogroup', { name: 'Blev borgeren spurgt?' }).count()).toBe(0);
    await check(staff, 'staff-answered');

    const coordinatorContext = await browser.newContext(PHONE);
    const coordinator = await coordinatorContext.newPage();
    await signInAsDemoUser(coordinator, server.url, 'ballerup.koordinator');
    const year = new Date().getUTCFullYear();
    const report = await getJson<Report>(coordinator, `/api/reports?from=${year}-01-01&to=${year}-12-31&municipalities=0159`);
    await coordinatorContext.close();
    const four = report.indicators.find((i) => i.number === 4);
    expect(four?.citizenAnswers).toBeGreaterThanOrEqual(1);
    expect(four?.basis).toBeGreaterThanOrEqual(four?.citizenAnswers ?? 0);
    const gladsaxe = report.tables.find((t) => t.id === 'questionnaire')?.rows.find((r) => r.key === '0159');
    expect(gladsaxe?.cells[0]).toBe(four?.citizenAnswers);
  });
});
