import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { pinnedClockInitScript } from '../../../scripts/pin-clock.mjs';

/** The flags keep Chromium from reaching for Google's services, which this network refuses. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Headless Debian Chromium (the path the test script found, in SAMKRAFT_TEST_CHROMIUM), one per
 * test file: a browser shared through chromium.connect() cannot hand the tests a download's
 * file (Download.path() throws when connected remotely), and a launch costs a second or two.
 * When the run pins the clock (SAMKRAFT_TEST_NOW, see scripts/pin-clock.mjs), every context the
 * browser makes gets the same pinned clock as the server, so pages and server agree on "today".
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.SAMKRAFT_TEST_CHROMIUM;
  if (!executablePath) throw new Error('SAMKRAFT_TEST_CHROMIUM is not set; run the browser tests with npm test');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const pinned = pinnedClockInitScript();
  if (pinned) {
    // Browser.newPage makes its context through newContext, so this covers both.
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (options) => {
      const context = await newContext(options);
      await context.addInitScript(pinned);
      return context;
    };
  }
  return browser;
}
