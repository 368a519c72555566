import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/**
 * Headless Debian Chromium (the path the test script found, in SAMKRAFT_TEST_CHROMIUM).
 * The flags keep it from reaching for Google's services, which this network refuses.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.SAMKRAFT_TEST_CHROMIUM;
  if (!executablePath) throw new Error('SAMKRAFT_TEST_CHROMIUM is not set; run the browser tests with npm test');
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
