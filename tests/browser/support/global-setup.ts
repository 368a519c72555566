import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS } from './launch-browser.ts';
import { startServer } from './start-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser project's one demo server: its URL, and the file that gets its log lines. */
    samkraftBrowserServer?: { url: string; logFile: string };
    /** The browser project's one Chromium, to connect to (see launch-browser.ts). */
    samkraftBrowserEndpoint?: string;
  }
}

/**
 * Vitest globalSetup of the browser project: one Samkraft server, seeded with the demo once, and
 * one Chromium for the whole run. Test files reach them through shared-server.ts and
 * launchBrowser(); each test creates what it needs instead of relying on a pristine demo.
 * A test that needs a server of its own (a pinned clock, PostgreSQL) still calls startServer().
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = process.env.SAMKRAFT_TEST_CHROMIUM ?? project.config.env.SAMKRAFT_TEST_CHROMIUM;
  if (!executablePath) throw new Error('SAMKRAFT_TEST_CHROMIUM is not set; run the browser tests with npm test');
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-browser-log-'));
  const logFile = path.join(logDir, 'server.log');
  fs.writeFileSync(logFile, '');
  // One start and one demo seed per run: allowed more time than a file's own server, for a loaded machine.
  const [serverStart, chromiumStart] = await Promise.allSettled([
    startServer({ logFile, timeoutMs: 180_000 }),
    chromium.launchServer({ executablePath, args: CHROMIUM_ARGS }),
  ]);
  if (serverStart.status === 'rejected' || chromiumStart.status === 'rejected') {
    // startServer stops a server that did not come up; what did start must not outlive the run.
    await Promise.all([serverStart.status === 'fulfilled' && serverStart.value.stop(), chromiumStart.status === 'fulfilled' && chromiumStart.value.close()]);
    fs.rmSync(logDir, { recursive: true, force: true });
    throw serverStart.status === 'rejected' ? serverStart.reason : (chromiumStart as PromiseRejectedResult).reason;
  }
  const server = serverStart.value;
  const chromiumServer = chromiumStart.value;
  project.provide('samkraftBrowserServer', { url: server.url, logFile });
  project.provide('samkraftBrowserEndpoint', chromiumServer.wsEndpoint());
  return async () => {
    await Promise.all([server.stop(), chromiumServer.close()]);
    fs.rmSync(logDir, { recursive: true, force: true });
  };
}
