import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { sharedServer } from './support/shared-server.ts';

/*
 * Issue 13.9: the public catalogue at /tilbud answers without JavaScript — the browser has it
 * switched off — on a phone and on a desktop; the search works through its plain form; axe finds
 * no violation whatever the impact. It only reads the demo catalogue (no person is involved).
 */

const server = sharedServer();
let browser: Browser;
const contexts: BrowserContext[] = [];
let axePage: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await axePage?.close();
  await browser?.close();
});

async function noScriptPage(viewport: { width: number; height: number }, mobile: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport, isMobile: mobile, hasTouch: mobile });
  contexts.push(context);
  return context.newPage();
}

/**
 * Screenshot of the page as the script-less browser shows it; axe then runs on the same URL in a
 * context with JavaScript on (axe's run waits on timers, which never fire where scripts are off —
 * the document is the same: the page has no script of its own, which is checked here).
 */
async function check(page: Page, name: string): Promise<void> {
  await screenshot(page, `public-catalogue-${name}`);
  expect(await page.locator('script').count(), `${name} has no script`).toBe(0);
  axePage ??= await browser.newPage({ viewport: page.viewportSize() ?? undefined });
  await axePage.setViewportSize(page.viewportSize() ?? { width: 390, height: 844 });
  await axePage.goto(page.url());
  const violations = await checkAccessibility(axePage, { impacts: 'all' });
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
  const scrollsSideways = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return doc.scrollWidth > doc.clientWidth;
  });
  expect(scrollsSideways, `${name} scrolls sideways`).toBe(false);
}

describe('the public catalogue without JavaScript', () => {
  it('on a phone: the list, a search by municipality through the form, one offering', async () => {
    const page = await noScriptPage({ width: 390, height: 844 }, true);
    const res = await page.goto(`${server.url}/tilbud`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('Tilbud om kræftrehabilitering');
    const all = await page.locator('ul.offerings > li').count();
    expect(all).toBeGreaterThan(3);
    await check(page, 'phone-list');

    await page.getByLabel('Kommune (hvor tilbuddet er, eller som henviser til det)').selectOption({ label: 'Egedal' });
    await page.getByRole('button', { name: 'Søg' }).click();
    await page.waitForURL(/\/tilbud\?kommune=0240/);
    const found = await page.locator('ul.offerings > li').count();
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(all);
    expect(await page.getByLabel('Kommune (hvor tilbuddet er, eller som henviser til det)').inputValue()).toBe('0240');
    await check(page, 'phone-search');

    await page.locator('ul.offerings h2 a').first().click();
    await page.waitForURL(/\/tilbud\/[a-z_]+$/);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.getByText('Sådan bliver du henvist').count()).toBeGreaterThan(0);
    await check(page, 'phone-offering');
  });

  it('on a desktop, in English', async () => {
    const page = await noScriptPage({ width: 1280, height: 900 }, false);
    await page.goto(`${server.url}/tilbud`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Cancer rehabilitation offerings');
    await check(page, 'desktop-en');
  });
});
