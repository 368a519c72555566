import fs from 'node:fs';
import ExcelJS from 'exceljs';
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

const thisYear = String(new Date().getFullYear());

async function openReport(page: Page, username: string): Promise<void> {
  await signInAsDemoUser(page, server.url, username);
  await page.getByRole('link', { name: 'Rapporter' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();
  await page.getByRole('combobox', { name: 'År' }).selectOption(thisYear);
  await page.getByRole('button', { name: 'Vis rapport' }).click();
  await page.getByRole('heading', { name: 'Opsamling på data' }).waitFor();
  await page.waitForLoadState('networkidle');
}

describe('Rapporter', () => {
  it('shows a coordinator every table with Danish labels, and downloads the XLSX with the same numbers', async () => {
    await withPage(async (page) => {
      await openReport(page, 'ballerup.koordinator');
      for (const heading of ['Indikatorer mod mål', 'Udvikling pr. halvår', 'Henvisninger fra hjemkommune (rækker) til udførende kommune (kolonner)', 'Alle henvisninger til hjemkommune fordelt på køn og alder', 'Datakomplethed pr. kommune og kvartal']) {
        await page.getByRole('heading', { name: heading }).waitFor();
      }
      const summary = page.getByRole('table', { name: 'Opsamling på data' });
      const referredRow = summary.getByRole('row', { name: /Borgere, der er blevet henvist til kræftrehabilitering/ });
      const shown = (await referredRow.getByRole('cell').first().innerText()).trim();
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'reports-coordinator');

      // The files come from the job's report: nothing is computed again for a download.
      expect(await page.getByRole('link', { name: 'Excel (XLSX)' }).getAttribute('href')).toMatch(/^\/api\/reports\/jobs\/[0-9a-f-]{36}\/export\?format=xlsx$/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (XLSX)' }).click()]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Opsamling');
      expect(sheet?.getRow(3).getCell(1).value).toBe('Borgere, der er blevet henvist til kræftrehabilitering');
      const cell = sheet?.getRow(3).getCell(2).value;
      expect(typeof cell).toBe('number');
      expect(Number(cell).toLocaleString('da-DK')).toBe(shown);
    });
  });

  it("shows a municipal lead their own municipality's figures, small numbers hidden on request", async () => {
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'gladsaxe.leder');
      await page.getByRole('link', { name: 'Rapporter' }).first().click();
      await page.getByText('Du ser din egen kommunes tal.').waitFor();
      await page.getByRole('combobox', { name: 'År' }).selectOption(thisYear);
      await page.getByRole('switch', { name: /Skjul små tal/ }).check();
      await page.getByRole('button', { name: 'Vis rapport' }).click();
      await page.getByText(/^\.\. = skjult af diskretionshensyn/).waitFor();
      await page.getByText(/Gladsaxe · frister beregnet/).waitFor();
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'reports-lead');
    });
  });
});
