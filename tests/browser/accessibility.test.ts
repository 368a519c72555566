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

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.locator('h1').first().waitFor();
  // Let queries settle so the page is checked with its data, not a loader.
  await page.waitForLoadState('networkidle');
  await screenshot(page, `a11y-${name}`);
  const violations = await checkAccessibility(page);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
  expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1);
}

async function withPage(fn: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await fn(page);
  } finally {
    await context.close();
  }
}

describe('accessibility: axe-core finds no serious or critical violation', () => {
  it('on the sign-in page', async () => {
    await withPage(async (page) => {
      await page.goto(`${server.url}/login`);
      await page.getByRole('combobox', { name: 'Demobruger', exact: true }).waitFor();
      await expectAccessible(page, 'login');
    });
  });

  const users = [
    ['contact person', 'gladsaxe.kontakt'],
    ['therapist', 'gladsaxe.terapeut'],
    ['municipal lead', 'gladsaxe.leder'],
    ['coordinator', 'ballerup.koordinator'],
    ['administrator', 'samkraft.admin'],
    ['data-protection review', 'gladsaxe.tilsyn'],
  ] as const;

  for (const [role, username] of users) {
    it(`on the start page and the catalogue of a ${role}`, async () => {
      await withPage(async (page) => {
        await signInAsDemoUser(page, server.url, username);
        await expectAccessible(page, `start-${username}`);
        await page.getByRole('link', { name: 'Katalog' }).first().click();
        await page.waitForURL('**/katalog');
        await expectAccessible(page, `catalogue-${username}`);
      });
    });
  }

  it('on the start page in English, and on the not-found page', async () => {
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
      await page.getByText('English', { exact: true }).first().click();
      await page.getByRole('heading', { name: 'My citizens' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await expectAccessible(page, 'start-english');
      await page.goto(`${server.url}/no-such-page`);
      await expectAccessible(page, 'not-found');
    });
  });
});
