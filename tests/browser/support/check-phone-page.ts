import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { checkAccessibility, formatViolations } from './check-accessibility.ts';
import { screenshot } from './screenshot.ts';

/** A phone (390 × 844, touch), as the citizen's pages are checked on. */
export const newPhonePage = (browser: Browser): Promise<Page> => browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** A citizen page on a phone: screenshot `<name>`, axe finds nothing whatever the impact, and nothing scrolls sideways. */
export async function checkPhonePage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await checkAccessibility(page, { impacts: 'all' });
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
  const scrollsSideways = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return doc.scrollWidth > doc.clientWidth;
  });
  expect(scrollsSideways, `${name} scrolls sideways on a phone`).toBe(false);
}
