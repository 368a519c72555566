import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { sharedServer } from './support/shared-server.ts';
import { signInAsDemoUser } from './support/sign-in.ts';

/*
 * Issue 15.4: Gladsaxe's contact person opens the start page (each course listed is an audited
 * read); Gladsaxe's data-protection review ("Tilsyn med adgang") then finds those reads in words,
 * narrows the list to the contact person, downloads it, and sees the contact person in
 * "Advarsler" once the thresholds are set low. axe finds no serious violation.
 */

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

describe('Tilsyn med adgang', () => {
  it('lets the auditor filter the log, see who read what and why, download it, and see the alerts', async () => {
    let contactName = '';
    await withPage(async (page) => {
      contactName = (await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt')).displayName;
      await page.getByRole('heading', { level: 1, name: 'Start' }).waitFor();
      await page.waitForLoadState('networkidle');
    });
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'gladsaxe.tilsyn');
      await page.getByRole('link', { name: 'Åbn tilsyn med adgang' }).waitFor();
      await page.getByRole('link', { name: 'Tilsyn med adgang' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Tilsyn med adgang' }).waitFor();

      await page.getByRole('textbox', { name: 'Handling (fx course.read)' }).fill('course.list');
      await page.getByRole('button', { name: 'Vis hændelser' }).click();
      const events = page.getByRole('table', { name: 'Hændelser i adgangsloggen, nyeste først' });
      const contactRows = events.getByRole('row').filter({ hasText: contactName });
      await contactRows.first().waitFor();
      await expect.poll(() => contactRows.filter({ hasText: 'dit forløb på en arbejdsliste' }).count()).toBeGreaterThan(0);
      await expect.poll(() => contactRows.filter({ hasText: 'kontaktpersonens oversigt over forløb' }).count()).toBeGreaterThan(0);

      // Narrowed to the contact person by their name in the list.
      await events.getByRole('button', { name: `Vis kun ${contactName}` }).first().click();
      await page.getByText(`Bruger: ${contactName}`).waitFor();
      await contactRows.first().waitFor();

      // The same filter as a file.
      const csvHref = await page.getByRole('link', { name: 'Hent som CSV' }).getAttribute('href');
      expect(csvHref).toMatch(/^\/api\/audit-review\/events\/export\?.*userId=.*format=csv/);
      const csv = await page.evaluate(async (href) => {
        const res = await fetch(href, { credentials: 'same-origin' });
        return { status: res.status, text: await res.text() };
      }, csvHref!);
      expect(csv.status).toBe(200);
      expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Tidspunkt (dansk tid);Bruger;Brugernavn;Kommune;Roller;Handling;Hvad;Hvorfor;Borger;Udfald;Post;Hændelse nr.');
      expect(csv.text).toContain(contactName);

      // Advarsler, with thresholds low enough that the contact person's reads are flagged.
      await page.getByRole('textbox', { name: 'Mindst antal borgere' }).fill('1');
      await page.getByRole('textbox', { name: 'Højst andel egne borgere (%)' }).fill('100');
      await page.getByRole('button', { name: 'Vis advarsler' }).click();
      const alerts = page.getByRole('table', { name: 'Advarsler' });
      await alerts.getByRole('row').filter({ hasText: contactName }).filter({ hasText: 'Mange borgere, få egne' }).waitFor();

      await page.waitForLoadState('networkidle');
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'audit-review-auditor');
    });
  });
});
