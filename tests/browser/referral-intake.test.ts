import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PERSONS } from '../../apps/server/src/features/demo/demo-people.data.ts';
import { readPdfText } from '../../apps/server/src/test-support/read-pdf.ts';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { NEW_CITIZENS } from './support/test-persons.ts';
import { sharedServer } from './support/shared-server.ts';

// Rasmus Test Lauridsen, an official MedCom test person (refdata/cpr/dkcore_medcom_test_patients.json)
// whom the demo data does not use and no other test registers, so he arrives as a new citizen.
const CPR = NEW_CITIZENS.rasmus.cpr;

const server = sharedServer();
let browser: Browser;
let page: Page;
let courseUrl = '';

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

describe('referral intake by a contact person in Gladsaxe', () => {
  it('the test person is not in the demo data', () => {
    expect(Object.values(TEST_PERSONS).map((p) => p.cpr)).not.toContain(CPR.replace('-', ''));
  });

  it('registers a GP referral, records first contact, marks the form sent and downloads the letter', async () => {
    await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
    await page.getByRole('link', { name: 'Ny henvisning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny henvisning' }).waitFor();

    const cpr = page.getByRole('textbox', { name: 'CPR-nummer' });
    await cpr.fill('310290-9989');
    await cpr.blur();
    await page.getByText('Dagen findes ikke i den måned').waitFor();
    await cpr.fill(CPR);
    await page.getByText('Ny borger, født 5. 4. 1990').waitFor();
    await page.getByRole('textbox', { name: 'Fornavn(e)' }).fill('Rasmus Test');
    await page.getByRole('textbox', { name: 'Efternavn' }).fill('Lauridsen');
    await page.getByRole('textbox', { name: 'Adresse' }).fill('Testgrusgraven 3, 10.th');
    await page.getByRole('textbox', { name: 'Postnr.' }).fill('2860');
    await page.getByRole('textbox', { name: 'By' }).fill('Søborg');
    await page.getByRole('combobox', { name: 'Henvist af' }).selectOption('gp');
    await page.getByRole('combobox', { name: 'Lovgrundlag' }).selectOption('SUL119');
    await page.getByRole('combobox', { name: 'Henvisende enhed' }).selectOption({ label: 'Lægehuset Demogården (fiktiv)' });
    await page.getByRole('combobox', { name: 'Diagnose (ICD-10)' }).selectOption('DC18');
    await page.getByRole('combobox', { name: 'Behandlingsstatus' }).selectOption('under_treatment');
    await page.getByRole('radio', { name: 'I målgruppen' }).check();
    const intakeViolations = await checkAccessibility(page);
    await screenshot(page, 'referral-intake-form');
    expect(intakeViolations, formatViolations(intakeViolations)).toEqual([]);

    await page.getByRole('button', { name: 'Registrér henvisning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forløb for Rasmus Test Lauridsen' }).waitFor();
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain('050490-9989');

    await page.getByRole('button', { name: 'Bliv kontaktperson' }).click();
    await page.getByRole('button', { name: 'Bliv kontaktperson' }).waitFor({ state: 'detached' });

    const today = await page.getByRole('textbox', { name: 'Dato for kontakt' }).inputValue();
    await page.getByLabel('Aftalt tid til behovsvurdering').fill(`${today}T14:00`);
    await page.getByRole('textbox', { name: 'Note' }).fill('Aftalt samtale på rådhuset');
    await page.getByRole('button', { name: 'Gem kontakt' }).click();
    await page.getByRole('cell', { name: 'Aftalt samtale på rådhuset' }).waitFor();

    await page.getByRole('button', { name: 'Markér som sendt' }).click();
    await page.getByText(/^Sendt \d/).waitFor();

    const contactViolations = await checkAccessibility(page);
    await screenshot(page, 'course-page-after-first-contact');
    expect(contactViolations, formatViolations(contactViolations)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent brev til borgeren (PDF)' }).click()]);
    const file = await download.path();
    const fs = await import('node:fs');
    const text = (await readPdfText(fs.readFileSync(file))).text.replace(/\s+/g, ' ');
    expect(text).toContain('Gladsaxe Kommune');
    expect(text).toContain('Rasmus Test Lauridsen');
    expect(text).toContain('Testgrusgraven 3, 10.th');
    expect(text).toContain('Karen Demo Kontakt');
    expect(text).toContain('Støtte til livet med kræft');
    expect(text).toMatch(/kl\. \d{2}\.\d{2}/);
    courseUrl = page.url();
  });

  it('shows the municipal lead the form to reassign the contact person (reassignment itself: course.routes.db.test.ts)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const lead = await context.newPage();
    try {
      await signInAsDemoUser(lead, server.url, 'gladsaxe.leder');
      await lead.goto(courseUrl);
      await lead.getByRole('heading', { level: 1, name: 'Forløb for Rasmus Test Lauridsen' }).waitFor();
      const select = lead.getByRole('combobox', { name: 'Skift kontaktperson' });
      // The current contact person is not offered; the demo has no other contact person in Gladsaxe.
      expect(await select.locator('option').allTextContents()).not.toContain('Karen Demo Kontakt');
      const violations = await checkAccessibility(lead);
      await screenshot(lead, 'course-page-lead');
      expect(violations, formatViolations(violations)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
