import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { sharedServer } from './support/shared-server.ts';

// "Plejecenter Herlev" of MedCom's acknowledgement test messages (refdata/fhir/medcom/acknowledgement,
// Ack-AA_A-ok-…): a SOR code and GLN the demo does not use, so the clinic added here is new.
const SOR = '953741000016009';
const GLN = '5790001348120';
/** The same GLN with its GS1 check digit wrong. */
const WRONG_GLN = '5790001348121';
const NAME = 'Lægehuset Plejecentervej (browsertest)';

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

describe('Organisationer (issue 12.1)', () => {
  it('lets an administrator add a GP clinic: a wrong GLN check digit is refused naming the field, the corrected one is found by its GLN', async () => {
    await signInAsDemoUser(page, server.url, 'samkraft.admin');
    await page.getByRole('link', { name: 'Organisationer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisationer' }).waitFor();

    // A member municipality's unit without a GLN says it cannot send electronically.
    await page.getByRole('combobox', { name: 'Type' }).selectOption('municipal_unit');
    const units = page.getByRole('region', { name: 'Søgeresultat' });
    await units.getByRole('rowheader', { name: 'Kræftrehabiliteringen, Egedal Kommune' }).waitFor();
    const egedal = units.getByRole('row').filter({ hasText: 'Kræftrehabiliteringen, Egedal Kommune' });
    await expect.poll(() => egedal.innerText()).toContain('Kan ikke sende elektronisk');
    const gladsaxe = units.getByRole('row').filter({ hasText: 'Kræftrehabiliteringen, Gladsaxe Kommune' });
    await expect.poll(() => gladsaxe.innerText()).toContain('Kan adresseres (SOR + GLN)');
    await page.getByRole('combobox', { name: 'Type' }).selectOption('');

    await page.getByRole('button', { name: 'Tilføj organisation' }).click();
    const form = page.getByRole('form', { name: 'Tilføj organisation' });
    await form.getByRole('combobox', { name: 'Type' }).selectOption('gp_clinic');
    await form.getByRole('textbox', { name: 'Navn' }).fill(NAME);
    await form.getByRole('textbox', { name: 'SOR-kode' }).fill(SOR);
    await form.getByRole('textbox', { name: 'GLN (EAN-lokationsnummer)' }).fill(WRONG_GLN);
    await form.getByRole('combobox', { name: 'Kommune' }).selectOption('0163');
    await form.getByRole('textbox', { name: 'Adresse' }).fill('Testvej 1, 2730 Herlev');
    await form.getByRole('button', { name: 'Tilføj organisation' }).click();

    // Refused: the summary names the field in Danish and links to it; the text stands beside the field too.
    const summary = page.getByTestId('error-summary');
    await summary.getByRole('link', { name: /^GLN \(EAN-lokationsnummer\): GLN-nummeret er forkert: kontrolcifferet/ }).waitFor();
    await expect.poll(() => form.getByText('GLN-nummeret er forkert: kontrolcifferet (det sidste ciffer) passer ikke. Tjek nummeret', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    await screenshot(page, 'organisations-wrong-gln');
    const refused = await checkAccessibility(page);
    expect(refused, formatViolations(refused)).toEqual([]);
    await summary.getByRole('link').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('organisation-gln');

    await form.getByRole('textbox', { name: 'GLN (EAN-lokationsnummer)' }).fill(GLN);
    await form.getByRole('button', { name: 'Tilføj organisation' }).click();
    await page.getByRole('status').filter({ hasText: `${NAME} er gemt.` }).waitFor();

    // Found again by its GLN.
    await page.getByRole('textbox', { name: 'Søg' }).fill(GLN);
    await page.getByRole('search').getByRole('button', { name: 'Søg' }).click();
    const found = page.getByRole('region', { name: 'Søgeresultat' });
    await found.getByRole('rowheader', { name: NAME }).waitFor();
    await expect.poll(() => found.getByRole('row').count()).toBe(2);
    const row = found.getByRole('row').filter({ hasText: NAME });
    await expect.poll(() => row.innerText()).toContain('Lægeklinik');
    await expect.poll(() => row.innerText()).toContain(SOR);
    await expect.poll(() => row.innerText()).toContain('Kan adresseres (SOR + GLN)');
    await page.getByText('Viser 1–1 af 1').waitFor();
    await screenshot(page, 'organisations-found-by-gln');
    const after = await checkAccessibility(page);
    expect(after, formatViolations(after)).toEqual([]);

    // On a phone the register's rows become cards: nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await found.getByRole('rowheader', { name: NAME }).waitFor();
    // The table turns into cards once the narrow-screen media query has re-rendered it: poll.
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await expect.poll(overflow, { message: 'the page scrolls sideways in a 390 px viewport' }).toBeLessThanOrEqual(0);
    await screenshot(page, 'organisations-phone');

    // The referral form's GP clinic picker offers it too (its list is active organisations).
    const res = await page.evaluate(async () => (await fetch('/api/organisations?kind=gp_clinic&q=5790001348')).json());
    expect(res).toEqual([expect.objectContaining({ name: NAME, sorCode: SOR })]);
  });
});
