import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { sharedServer } from './support/shared-server.ts';

const server = sharedServer();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withPage(fn: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  try {
    await fn(page);
  } finally {
    await context.close();
  }
}

async function openKlGateway(page: Page, username: string): Promise<void> {
  await signInAsDemoUser(page, server.url, username);
  await page.getByRole('link', { name: 'KL Gateway' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'KL Gateway' }).waitFor();
  await page.waitForLoadState('networkidle');
}

describe('KL Gateway', () => {
  it('lets an administrator change an intervention’s FSIII code for § 119', async () => {
    await withPage(async (page) => {
      await openKlGateway(page, 'samkraft.admin');
      await page.getByText('FSIII-indsatser for katalogets indsatser').click();
      const select = page.getByRole('combobox', { name: '§ 119 forebyggelse: Afspænding' });
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/kl-gateway/interventions/relaxation')), select.selectOption({ label: 'Sygdomshåndtering' })]);
      expect(response.status(), await response.text()).toBe(200);
      await expect.poll(() => select.inputValue()).toBe('e71b7d85-5c78-49c2-8624-8499d162317b');
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'kl-gateway-admin');
    });
  });

  it('lets a lead set the municipality’s SOR code, make a § 119 delivery file and see who was left out and why', async () => {
    await withPage(async (page) => {
      await openKlGateway(page, 'gladsaxe.leder');
      await page.getByRole('button', { name: 'Lav indberetningsfil' }).click();
      await page.getByRole('alert').filter({ hasText: 'SOR-kode til KL Gateway mangler' }).waitFor();

      await page.getByText('SOR-koder', { exact: true }).click();
      await page.getByRole('textbox', { name: 'Journalførende enhed (SOR), Gladsaxe' }).fill('90159000000000');
      await page.getByRole('form', { name: 'Gladsaxe' }).getByRole('button', { name: 'Gem' }).click();
      await page.getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();
      // Another municipality's codes are only shown.
      expect(await page.getByRole('textbox', { name: 'Journalførende enhed (SOR), Ballerup' }).count()).toBe(0);

      await page.locator('label', { hasText: '§ 119 forebyggelse' }).click();
      expect(await page.getByRole('radio', { name: '§ 119 forebyggelse' }).isChecked()).toBe(true);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lav indberetningsfil' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^kl-gateway-119-0159-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.zip$/);
      await page.getByRole('status').filter({ hasText: 'Filen er hentet.' }).waitFor();
      // Gladsaxe's citizens on teams in other municipalities wait for those municipalities' SOR codes.
      await page.getByRole('heading', { name: 'Udeladte borgere' }).waitFor();
      expect(await page.getByText(/^Den udførende kommune \(\p{L}.*\) mangler SOR-kode til KL Gateway/u).count()).toBeGreaterThan(0);
      await page.getByRole('rowheader').first().waitFor();
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'kl-gateway-lead');
    });
  });
});
