import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { repoRoot } from './support/repo-root.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { sharedServer } from './support/shared-server.ts';

const fixtures = path.join(repoRoot, 'apps/server/src/test-support/extract-fixtures');

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

describe('Dataudtræk', () => {
  it('lets an administrator check and load a valid extract, and shows the row errors of a bad one', async () => {
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'samkraft.admin');
      await page.getByRole('link', { name: 'Dataudtræk' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Dataudtræk' }).waitFor();

      await page.locator('input[type=file]').setInputFiles([path.join(fixtures, 'good/referrals.csv'), path.join(fixtures, 'good/interventions.csv')]);
      await page.getByRole('button', { name: 'Tjek filerne' }).click();
      await page.getByRole('status').filter({ hasText: 'Filerne er gyldige: 3 henvisninger og 3 indsatser.' }).waitFor();
      await page.getByRole('button', { name: 'Indlæs udtrækket' }).click();
      await page.getByRole('status').filter({ hasText: 'Udtrækket er indlæst: 3 nye, 0 ændrede og 0 uændrede henvisninger.' }).waitFor();
      const afterImport = await checkAccessibility(page);
      expect(afterImport, formatViolations(afterImport)).toEqual([]);
      await screenshot(page, 'extracts-imported');

      await page.locator('input[type=file]').setInputFiles([
        path.join(fixtures, 'bad/27-closing-before-end/referrals.csv'),
        path.join(fixtures, 'bad/27-closing-before-end/interventions.csv'),
      ]);
      await page.getByRole('button', { name: 'Tjek filerne' }).click();
      await page.getByRole('alert').filter({ hasText: 'Udtrækket kan ikke indlæses: 1 fejl.' }).waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Datoen ligger før et tidligere trin' }) });
      const cells = await row.getByRole('cell').allInnerTexts();
      expect(cells.slice(0, 3)).toEqual(['referrals.csv', '2', 'closing_conversation']);
      expect(cells[3]).toBe('Angivet: »2025-05-20«. Ligger før kolonnen end (2025-05-26)');
      expect(await page.getByRole('button', { name: 'Indlæs udtrækket' }).count()).toBe(0);
      const afterBad = await checkAccessibility(page);
      expect(afterBad, formatViolations(afterBad)).toEqual([]);
      await screenshot(page, 'extracts-errors');
    });
  });

  it("lets an administrator download the collaboration's courses pseudonymised, once a purpose is given", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    try {
      await signInAsDemoUser(page, server.url, 'samkraft.admin');
      await page.goto(`${server.url}/udtraek`);
      const download = page.getByRole('button', { name: 'Hent henvisninger (CSV)' });
      await download.waitFor();
      expect(await download.isDisabled()).toBe(true);
      await page.getByRole('radio', { name: /Hele samarbejdet, pseudonymiseret/ }).check();
      await page.getByRole('textbox', { name: 'Formål med udtrækket' }).fill('Kontrol af halvårets tal');
      await screenshot(page, 'extracts-export');
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent henvisninger (CSV)' }).click()]);
      const text = fs.readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
      const rows = text.trim().split('\r\n').slice(1).map((l) => l.split(';'));
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect([r[0]!.slice(0, 2), r[2]!.slice(0, 2)]).toEqual(['R-', 'P-']);
      expect(text).not.toMatch(/\b\d{10}\b/);
    } finally {
      await context.close();
    }
  });

  it('is not in the menu of a contact person, and the server refuses them', async () => {
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
      expect(await page.getByRole('link', { name: 'Dataudtræk' }).count()).toBe(0);
      const res = await page.request.get(`${server.url}/api/extracts/export?format=xlsx&scope=municipality&purpose=kontrol`);
      expect(res.status()).toBe(403);
    });
  });
});
