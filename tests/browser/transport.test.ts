import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { danishDateText } from './support/danish-date.ts';
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
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await fn(page);
  } finally {
    await context.close();
  }
}

async function openTransport(page: Page, username: string): Promise<void> {
  await signInAsDemoUser(page, server.url, username);
  await page.getByRole('link', { name: 'Befordring' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Befordring' }).waitFor();
  await page.getByRole('rowheader', { name: '2023' }).waitFor();
  await page.waitForLoadState('networkidle');
}

describe('Befordring', () => {
  it("lets a lead set the municipality's service level and Flextur membership", async () => {
    await withPage(async (page) => {
      await openTransport(page, 'gladsaxe.leder');
      expect(await page.getByRole('checkbox', { name: /Med i Flextur-ordningen/ }).isChecked()).toBe(true);
      await page.getByRole('textbox', { name: /Serviceniveau/ }).fill('Kørsel ved varigt nedsat funktionsevne');
      await page.getByRole('textbox', { name: /Egenbetaling/ }).fill('20');
      await page.getByRole('button', { name: 'Gem befordring' }).click();
      await page.getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();
      // The setting takes effect from today in Denmark, as the run's clock has it.
      await page.getByText(`Gældende fra ${danishDateText()}`).waitFor();
      expect(await page.getByText('Kun administratorer kan tilføje beløbsgrænser.').count()).toBe(1);
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'transport-lead');
    });
  });

  it("lets an administrator add a year's thresholds", async () => {
    await withPage(async (page) => {
      await openTransport(page, 'samkraft.admin');
      await page.getByRole('textbox', { name: /^År/ }).fill('2026');
      await page.getByRole('textbox', { name: /^Pensionister/ }).fill('48');
      await page.getByRole('textbox', { name: /^Ikke-pensionister/ }).fill('113');
      await page.getByRole('textbox', { name: /^Kilde/ }).fill('Test af befordring');
      await page.getByRole('button', { name: 'Tilføj år' }).click();
      await page.getByRole('rowheader', { name: '2026' }).waitFor();
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'transport-admin');
    });
  });
});
