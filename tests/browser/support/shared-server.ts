import crypto from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';

export type SharedServer = {
  /** `http://127.0.0.1:<port>` of the run's one demo server (global-setup.ts). */
  url: string;
  /**
   * Every line the server has written so far in this run — from every test file, not only this
   * one. Waits until the server's answer to a marker request is in the log, so that nothing this
   * file caused is still on its way.
   */
  logs(): Promise<string[]>;
};

/** The browser project's one server, started once per run by global-setup.ts. */
export function sharedServer(): SharedServer {
  const provided = inject('samkraftBrowserServer');
  if (!provided) throw new Error('no shared browser server: run the browser tests as the vitest project "browser"');
  const { url, logFile } = provided;
  const read = () => fs.readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
  return {
    url,
    async logs() {
      // Letters only: a UUID's digits can form ten in a row, which the server's log redacts as a CPR
      // number (platform/http/log-redaction.ts) — the marker would then never be found.
      const marker = crypto.randomBytes(16).toString('hex').replace(/[0-9]/g, (d) => 'ghijklmnop'.charAt(Number(d)));
      await fetch(`${url}/api/health?log-marker=${marker}`);
      // The log is written through a buffer: under a busy run the marker's line can wait for more
      // output, so each half second another request pushes it out.
      const until = Date.now() + 30_000;
      let nudged = Date.now();
      for (;;) {
        const lines = read();
        if (lines.some((line) => line.includes(marker))) return lines;
        if (Date.now() > until) throw new Error(`the server's log did not show the marker request within 30 s (${logFile})`);
        if (Date.now() - nudged > 500) {
          nudged = Date.now();
          await fetch(`${url}/api/health`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
