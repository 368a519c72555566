import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { BROWSER_MESSAGES_TOKEN } from './messages-token.ts';
import { prepareReceivingUnits } from './receiving-units.ts';
import { startServer } from './start-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser project's one demo server: its URL, and the file that gets its log lines. */
    samkraftBrowserServer?: { url: string; logFile: string };
  }
}

/**
 * Vitest globalSetup of the browser project: one Samkraft server, seeded with the demo once, for
 * the whole run. Test files reach it through shared-server.ts (each launches its own Chromium,
 * see launch-browser.ts); each test creates what it needs instead of relying on a pristine demo.
 * A test that needs a server of its own (a pinned clock, PostgreSQL) still calls startServer().
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-browser-log-'));
  const logFile = path.join(logDir, 'server.log');
  fs.writeFileSync(logFile, '');
  const dataDir = path.join(logDir, 'data');
  const cleanUp = () => fs.rmSync(logDir, { recursive: true, force: true });
  // The units messages are addressed to, before the server seeds the demo (receiving-units.ts).
  await prepareReceivingUnits(dataDir).catch((err: unknown) => {
    cleanUp();
    throw err;
  });
  // One start and one demo seed per run: allowed more time than a file's own server, for a loaded
  // machine. startServer stops a server that did not come up.
  const server = await startServer({
    dataDir,
    logFile,
    timeoutMs: 180_000,
    // Every file signs in from 127.0.0.1 to this one server: 10 a minute per address would refuse them.
    // A test delivers messages as the health network does, and sees the outbox send within a second.
    env: { SAMKRAFT_SIGN_IN_LIMIT_PER_MINUTE: '1000', SAMKRAFT_MESSAGES_TOKEN: BROWSER_MESSAGES_TOKEN, SAMKRAFT_MESSAGES_INTERVAL_MS: '1000' },
  }).catch((err: unknown) => {
    cleanUp();
    throw err;
  });
  project.provide('samkraftBrowserServer', { url: server.url, logFile });
  return async () => {
    await server.stop();
    cleanUp();
  };
}
