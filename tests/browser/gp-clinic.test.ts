import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { NEW_CITIZENS } from './support/test-persons.ts';
import { sharedServer } from './support/shared-server.ts';

// Åge Test Berggren, an official MedCom test person (refdata/cpr/dkcore_medcom_test_patients.json)
// whom the demo data does not use and no other test registers, so he arrives as a new citizen.
const PERSON = NEW_CITIZENS.aage;
const CPR = PERSON.cpr;

const server = sharedServer();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

describe("the citizen's GP clinic (issue 10.15)", () => {
  it('is given in the referral form with its ydernummer, shown on the course page and changed there', async () => {
    await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
    await page.goto(`${server.url}/henvisninger/ny`);
    await page.getByRole('heading', { level: 1, name: 'Ny henvisning' }).waitFor();
    await page.getByRole('textbox', { name: 'CPR-nummer' }).fill(CPR);
    await page.getByText(`Ny borger, født ${PERSON.bornDanish}`).waitFor();
    await page.getByRole('textbox', { name: 'Fornavn(e)' }).fill(PERSON.givenName);
    await page.getByRole('textbox', { name: 'Efternavn' }).fill(PERSON.familyName);
    await page.getByRole('combobox', { name: 'Henvist af' }).selectOption('self');
    await page.getByRole('combobox', { name: 'Lovgrundlag' }).selectOption('SUL119');
    await page.getByRole('combobox', { name: 'Diagnose (ICD-10)' }).selectOption('DC18');
    await page.getByRole('combobox', { name: 'Behandlingsstatus' }).selectOption('under_treatment');
    await page.getByRole('radio', { name: 'I målgruppen' }).check();

    await page.getByRole('radio', { name: 'Opret en ny lægeklinik' }).check();
    await page.getByRole('textbox', { name: 'Klinikkens navn' }).fill('Lægehuset Testvej');
    await page.getByRole('textbox', { name: 'Ydernummer' }).fill('79741');
    await page.getByRole('textbox', { name: 'Adresse' }).last().fill('Testvej 1, 2860 Søborg');
    await page.getByRole('button', { name: 'Registrér henvisning' }).click();
    // The server names the malformed ydernummer; the summary links to it under the form's label.
    await page.getByRole('link', { name: /Egen læge: ydernummer/ }).waitFor();
    await page.getByText('Ydernummeret skal være 6 cifre').first().waitFor();
    await screenshot(page, 'gp-referral-form-bad-ydernummer');
    const violations = await checkAccessibility(page);
    expect(violations, formatViolations(violations)).toEqual([]);

    await page.getByRole('textbox', { name: 'Ydernummer' }).fill('079741');
    await page.getByRole('button', { name: 'Registrér henvisning' }).click();
    await page.getByRole('heading', { level: 1, name: `Forløb for ${PERSON.givenName} ${PERSON.familyName}` }).waitFor();
    const gp = page.getByTestId('citizen-gp');
    await expect.poll(() => gp.innerText()).toBe('Lægehuset Testvej · ydernr. 079741 · Testvej 1, 2860 Søborg');
    await screenshot(page, 'gp-course-page');

    // Changed later: a known clinic, found by typing part of its name.
    await page.getByRole('button', { name: 'Bliv kontaktperson' }).click();
    await page.getByRole('button', { name: 'Skift egen læge' }).click();
    await page.getByRole('radio', { name: 'Vælg en kendt lægeklinik' }).check();
    await page.getByPlaceholder('Skriv for at søge …').fill('Demogården');
    await page.getByRole('option', { name: /Lægehuset Demogården \(fiktiv\)/ }).click();
    await screenshot(page, 'gp-course-page-change');
    await page.getByRole('button', { name: 'Gem egen læge' }).click();
    // The demo clinic carries the SOR code of an organisation of MedCom's test messages (demo-organisations.data.ts).
    await expect.poll(() => gp.innerText()).toBe('Lægehuset Demogården (fiktiv) · SOR 325371000016006 · Demovej 1, 2860 Søborg');
    const after = await checkAccessibility(page);
    expect(after, formatViolations(after)).toEqual([]);
  });
});
