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
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await fn(page);
  } finally {
    await context.close();
  }
}

describe('Forslag til indsatser og katalog', () => {
  it('shows the Gladsaxe contact person breast training with its routed provider for a breast cancer course', async () => {
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
      // The browser's own fetch, so the session cookie goes along.
      const list = await page.evaluate(async () => (await fetch('/api/worklist?scope=unassigned')).json());
      const course = list.items.find((i: { citizen: { name: string } }) => i.citizen.name.includes('Lonni'));
      expect(course, JSON.stringify(list).slice(0, 300)).toBeDefined();
      await page.goto(`${server.url}/forloeb/${course.courseId}`);
      const section = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Forslag til indsatser' }) });
      await section.getByRole('heading', { name: 'Træning for brystopererede kvinder' }).waitFor();
      const table = section.getByRole('table', { name: 'Træning for brystopererede kvinder' });
      await table.getByRole('rowheader', { name: /Gentofte/ }).waitFor();
      expect(await section.getByText(/Afstand er mellem kommunerne/).count()).toBe(1);
      expect(await section.getByRole('heading', { name: 'Træning for mænd' }).count()).toBe(0);
      await page.waitForLoadState('networkidle');
      await section.scrollIntoViewIfNeeded();
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'course-suggestions');
    });
  });

  it("lets the administrator change an offering's capacity", async () => {
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'samkraft.admin');
      await page.goto(`${server.url}/katalog`);
      await page.getByRole('heading', { name: 'Visitation pr. hjemkommune' }).waitFor();
      await page.getByRole('link', { name: 'Træning for brystopererede kvinder' }).click();
      await page.getByRole('heading', { level: 1, name: 'Træning for brystopererede kvinder' }).waitFor();
      await page.getByRole('button', { name: 'Ret udbud: Gentofte' }).click();
      await page.getByRole('textbox', { name: /^Pladser/ }).fill('14');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByRole('status').filter({ hasText: 'Udbuddet er gemt.' }).waitFor();
      await page.getByRole('row', { name: /Gentofte/ }).getByRole('cell', { name: '14', exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'intervention-offerings-admin');
    });
  });

  it('shows the routing matrix with inferred routes marked', async () => {
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
      await page.goto(`${server.url}/katalog`);
      const matrix = page.getByRole('table', { name: 'Visitation pr. hjemkommune' });
      await matrix.getByRole('rowheader', { name: 'Gladsaxe' }).waitFor();
      expect(await matrix.getByText('Foreløbig visitation').count()).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'catalogue-routing');
    });
  });
});
