/**
 * Warm start of the embedded database: from starting the process to the first answer of
 * /api/health, on the nine's ten years already in a PGlite folder. The floor is a bare Node
 * process that opens the same folder with PGlite, asks it `select 1` and answers one HTTP
 * request — what any embedded start costs at least.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { benchRoot } from './support/datasets.ts';
import { median } from './support/measure.ts';
import type { ResultRow } from './support/results.ts';

const repoRoot = path.join(benchRoot, '..');

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
  });
}

/** Spawns a process that prints `listening <url>` (or Samkraft's JSON log line) and times it to the first 200. */
async function timeToFirstAnswer(args: string[], env: Record<string, string>, answerPath: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no listening line within 60 s')), 60_000);
      let text = '';
      const onData = (chunk: Buffer) => {
        text += chunk.toString();
        const plain = /listening (http:\/\/\S+)/.exec(text);
        const json = /"msg":"Samkraft is listening"[^\n]*"url":"(http:\/\/[^"]+)"|"url":"(http:\/\/[^"]+)"[^\n]*"msg":"Samkraft is listening"/.exec(text);
        const found = plain?.[1] ?? json?.[1] ?? json?.[2];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${text.slice(-500)}`)));
    });
    while ((await get(`${url}${answerPath}`)) !== 200) await new Promise((r) => setTimeout(r, 5));
    return (performance.now() - started) / 1000;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const floorScript = `
import http from 'node:http';
import { PGlite } from '@electric-sql/pglite';
const db = await PGlite.create(process.env.SAMKRAFT_DATA_DIR);
await db.query('select 1');
const server = http.createServer((req, res) => { res.setHeader('content-type', 'application/json'); res.end('{"status":"ok"}'); });
server.listen(0, '127.0.0.1', () => console.log('listening http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', async () => { server.close(); await db.close(); process.exit(0); });
`;

export async function startupBenchmark(dataDir: string, label: string): Promise<ResultRow[]> {
  const env = { SAMKRAFT_DATA_DIR: dataDir, SAMKRAFT_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '' };
  const ours: number[] = [];
  const floor: number[] = [];
  // What `npm start` runs: the built server (built here when stale).
  const build = (await import(path.join(repoRoot, 'scripts/build-server.mjs'))) as { ensureServerBuild: () => Promise<unknown> };
  await build.ensureServerBuild();
  for (let i = 0; i < 3; i++) {
    ours.push(await timeToFirstAnswer(['--enable-source-maps', 'apps/server/dist/main.js'], env, '/api/health'));
    floor.push(await timeToFirstAnswer(['--input-type=module', '-e', floorScript], env, '/'));
  }
  const o = median(ours);
  const f = median(floor);
  return [
    {
      measure: 'embedded warm start to the first answer',
      size: label,
      ours: o,
      floor: f,
      unit: 's',
      floorIs: 'a bare Node process opening the same PGlite folder and answering one request',
      target: '≤ 2 s',
      met: o <= 2,
      note: `runs: ${ours.map((x) => x.toFixed(2)).join(', ')} s vs ${floor.map((x) => x.toFixed(2)).join(', ')} s`,
      at: new Date().toISOString(),
    },
  ];
}
