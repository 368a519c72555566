import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { sharedServer } from './support/shared-server.ts';

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

describe('the error summary of a refused form (issue 10.18)', () => {
  it('lists every missing field of an empty new referral in Danish, takes focus, and each link focuses its field', async () => {
    await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
    await page.getByRole('link', { name: 'Ny henvisning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny henvisning' }).waitFor();
    // Nothing filled in, not even the received date the form suggests.
    await page.getByRole('textbox', { name: 'Modtaget den' }).fill('');

    const answer = page.waitForResponse((r) => r.url().endsWith('/api/referrals') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Registrér henvisning' }).click();
    expect((await answer).status()).toBe(400);

    const summary = page.getByRole('alert').filter({ hasText: 'Der er fejl i formularen' });
    await summary.waitFor();
    const links = summary.getByRole('link');
    const texts = await links.allInnerTexts();
    // In the form's order, by the labels the form shows, never the paths.
    expect(texts.map((x) => x.split(':')[0])).toEqual([
      'CPR-nummer',
      'Fornavn(e)',
      'Efternavn',
      'Modtaget den',
      'Henvist af',
      'Lovgrundlag',
      'Diagnose (ICD-10)',
      'Behandlingsstatus',
      'Målgruppe',
    ]);
    expect(texts.join('\n')).not.toMatch(/citizen\.|diagnosisCode|legalBasis/);
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.getAttribute('tabindex')).toBe('-1');
    await screenshot(page, 'error-summary-new-referral');

    for (const [link, field] of [
      ['Fornavn(e)', 'intake-citizen-givenName'],
      ['Lovgrundlag', 'intake-legalBasis'],
      ['Diagnose (ICD-10)', 'intake-diagnosisCode'],
      ['Målgruppe', 'intake-targetGroup'],
    ] as const) {
      await links.filter({ hasText: link }).click();
      expect(await page.evaluate(() => document.activeElement?.id), link).toBe(field);
    }
    // The focused name field is the one the summary named: typing goes into it.
    await links.filter({ hasText: 'Efternavn' }).click();
    await page.keyboard.type('Lauridsen');
    expect(await page.getByRole('textbox', { name: 'Efternavn' }).inputValue()).toBe('Lauridsen');

    // The summary follows the chosen language.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'There are errors in the form' }).getByRole('link', { name: /^Given name/ }).waitFor();
  });

  it('shows the same summary in the team form: a last day before the first, linked to its field', async () => {
    // A fresh page: the first test left its page in English.
    await page.close();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAsDemoUser(page, server.url, 'gladsaxe.terapeut');
    await page.locator('a[href="/hold"]:visible').first().click();
    await page.getByRole('heading', { name: 'Opret hold' }).waitFor();
    await page.getByRole('textbox', { name: 'Navn' }).fill('Hold med forkert slutdato');
    await page.getByRole('textbox', { name: 'Første dag' }).fill('2030-03-01');
    await page.getByRole('textbox', { name: 'Sidste dag (valgfri)' }).fill('2030-02-01');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/teams') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Opret hold' }).click();
    expect((await answer).status()).toBe(400);

    const summary = page.getByRole('alert').filter({ hasText: 'Der er fejl i formularen' });
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const link = summary.getByRole('link', { name: /^Sidste dag \(valgfri\): / });
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('team-create-endsOn');
    await screenshot(page, 'error-summary-team-create');
  });
});
