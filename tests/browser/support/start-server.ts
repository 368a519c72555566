import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './repo-root.ts';

export type StartServerOptions = {
  /** PGlite data folder; a fresh temp folder (removed by `stop()`) when not given. */
  dataDir?: string;
  /** Extra environment for the server, e.g. `{ DATABASE_URL: … }`; a value of undefined unsets. */
  env?: Record<string, string | undefined>;
  /** How long to wait for "Samkraft is listening" (ms). */
  timeoutMs?: number;
  /** Node's arguments that run the server; the TypeScript source through tsx when not given. */
  entry?: string[];
  /** A file that gets every line the server writes too, for test files in other processes. */
  logFile?: string;
};

export type RunningServer = {
  /** `http://127.0.0.1:<port>`, from the server's own log line. */
  url: string;
  dataDir: string;
  /** Every line the server wrote so far, stdout and stderr, in order. */
  logs: string[];
  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and removes a temp data folder. */
  stop(): Promise<void>;
};

const running = new Set<ChildProcess>();
// A test that forgets stop() must not leave servers behind when its worker exits.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts Samkraft as `npm start` would, minus install and build (the test script built the web
 * app): `node --import tsx apps/server/src/main.ts` on a free port with the demo data, on PGlite
 * in its own data folder. Resolves once the server logs that it is listening.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-browser-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    SAMKRAFT_DATA_DIR: dataDir,
    SAMKRAFT_DEMO: 'true',
    LOG_LEVEL: 'info',
    DATABASE_URL: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];

  const child = spawn(process.execPath, options.entry ?? ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const logs: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${why}\n--- server output ---\n${logs.slice(-40).join('\n')}`));
    };
    const timer = setTimeout(() => fail(`the server did not log "Samkraft is listening" within ${timeoutMs} ms`), timeoutMs);
    const onLine = (line: string) => {
      logs.push(line);
      if (options.logFile) fs.appendFileSync(options.logFile, `${line}\n`);
      const url = listeningUrl(line);
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    readLines(child.stdout, onLine);
    readLines(child.stderr, onLine);
    child.once('error', (err) => fail(`cannot start the server: ${err.message}`));
    child.once('exit', (code, signal) => fail(`the server exited (${signal ?? `code ${code}`}) before it was listening`));
  }).catch(async (err: unknown) => {
    await stop();
    throw err;
  });

  return { url, dataDir, logs, stop };
}

function listeningUrl(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const entry = JSON.parse(line) as { msg?: unknown; url?: unknown };
    return entry.msg === 'Samkraft is listening' && typeof entry.url === 'string' ? entry.url : undefined;
  } catch {
    return undefined;
  }
}

function readLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) onLine(part);
  });
  stream.on('end', () => {
    if (rest) onLine(rest);
  });
}
