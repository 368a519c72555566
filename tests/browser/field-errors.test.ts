import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/launch-browser.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { NEW_CITIZENS } from './support/test-persons.ts';
import { sharedServer } from './support/shared-server.ts';

// An official MedCom test person the demo data does not use and no other test registers; nothing
// is stored, as intake refuses.
const PERSON = NEW_CITIZENS.juliane;
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

/** The text of the error a field is described by (Mantine links it with aria-describedby). */
async function describedError(page: Page, label: string): Promise<string> {
  const input = page.getByRole('textbox', { name: label, exact: true });
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  const ids = (await input.getAttribute('aria-describedby'))?.split(' ') ?? [];
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

describe('server field errors in the UI language', () => {
  it('shows a received date in the future refused by the server in Danish, then in English', async () => {
    await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
    await page.getByRole('link', { name: 'Ny henvisning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny henvisning' }).waitFor();

    await page.getByRole('textbox', { name: 'CPR-nummer' }).fill(CPR);
    await page.getByText(`Ny borger, født ${PERSON.bornDanish}`).waitFor();
    await page.getByRole('textbox', { name: 'Fornavn(e)' }).fill(PERSON.givenName);
    await page.getByRole('textbox', { name: 'Efternavn' }).fill(PERSON.familyName);
    // The date field's max is only a hint (the form is noValidate); the server decides.
    await page.getByRole('textbox', { name: 'Modtaget den' }).fill('2099-01-01');
    await page.getByRole('combobox', { name: 'Henvist af' }).selectOption('self');
    await page.getByRole('combobox', { name: 'Lovgrundlag' }).selectOption('SUL119');
    await page.getByRole('combobox', { name: 'Diagnose (ICD-10)' }).selectOption('DC18');
    await page.getByRole('combobox', { name: 'Behandlingsstatus' }).selectOption('under_treatment');
    await page.getByRole('radio', { name: 'I målgruppen' }).check();

    const answer = page.waitForResponse((r) => r.url().endsWith('/api/referrals') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Registrér henvisning' }).click();
    const res = await answer;
    expect(res.status()).toBe(400);
    const body = (await res.json()) as { error: { fields: { field: string; code: string; message: string }[] } };
    expect(body.error.fields).toEqual([{ field: 'receivedOn', code: 'future_date', message: expect.stringContaining('must not be in the future') }]);

    await page.getByText('Datoen må ikke ligge i fremtiden', { exact: true }).waitFor();
    expect(await describedError(page, 'Modtaget den')).toContain('Datoen må ikke ligge i fremtiden');
    expect(await page.locator('main').innerText()).not.toContain('must not be in the future');

    // The text follows the chosen language without sending the form again.
    await page.getByText('English', { exact: true }).click();
    await page.getByText('The date must not be in the future', { exact: true }).waitFor();
    expect(await describedError(page, 'Received on')).toContain('The date must not be in the future');
  });
});
