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

describe('Placering', () => {
  it('lets the coordinator place the interventions of the nine, compare the optimum with 2017 and Bilag G, save and export the scenario', async () => {
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'ballerup.koordinator');
      await page.getByRole('link', { name: 'Placering' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Placering af indsatser' }).waitFor();
      await page.getByRole('button', { name: 'Beregn' }).click();
      // The optimum, proven, beside 2017 and the four models.
      const table = page.getByRole('table').filter({ hasText: 'Borger-km' }).first();
      await table.getByRole('row', { name: /Optimum/ }).getByText('Optimal (bevist)').waitFor({ timeout: 60_000 });
      for (const name of ['Placering 2017 (rapportens bilag 1)', 'Notatets model (figur 1)', 'Bilag G: decentral, specialiseret', 'Bilag G: central almen træning', 'Bilag G: tre centre']) {
        await table.getByRole('row', { name: new RegExp(name.replace(/[()]/g, '\\$&')) }).waitFor();
      }
      const map = page.getByRole('img', { name: /Kort: værter og borgerstrømme/ });
      await map.waitFor();
      expect(await map.locator('path').count()).toBe(9);
      expect(await map.locator('circle').count()).toBeGreaterThan(0);
      await page.getByRole('textbox', { name: 'Navn' }).fill('Ni kommuner, forventede tal');
      await page.getByRole('button', { name: 'Gem', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();
      const saved = page.getByRole('row', { name: /Ni kommuner, forventede tal/ }).first();
      await saved.waitFor();
      const download = page.waitForEvent('download');
      await saved.getByRole('button', { name: /Hent LP-model/ }).click();
      expect((await download).suggestedFilename()).toMatch(/\.lp$/);
      // The saved scenario opens again as it was solved: its name above the same comparison, nothing to save.
      await saved.getByRole('button', { name: 'Vis scenariet Ni kommuner, forventede tal' }).click();
      await page.getByRole('heading', { name: 'Gemt scenarie: Ni kommuner, forventede tal' }).waitFor();
      await page.getByRole('table').filter({ hasText: 'Placering 2017' }).first().waitFor();
      expect(await page.getByRole('button', { name: 'Gem', exact: true }).count()).toBe(0);
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'planning-coordinator');
    });
  });
});
