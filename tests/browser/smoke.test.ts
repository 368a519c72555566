import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { sharedServer } from './support/shared-server.ts';

describe('smoke: Samkraft starts and serves its web app', () => {
  const server = sharedServer();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('answers GET /api/health', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('serves the web app at / with the title Samkraft', async () => {
    const page = await browser.newPage();
    try {
      const response = await page.goto(server.url);
      expect(response?.status()).toBe(200);
      await expect.poll(() => page.title()).toMatch(/Samkraft/);
      await screenshot(page, 'smoke-root');
    } finally {
      await page.close();
    }
  });

  it('has no serious or critical accessibility violations at /', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(server.url);
      await page.waitForLoadState('networkidle');
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
