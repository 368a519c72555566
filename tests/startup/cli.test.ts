import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../browser/support/repo-root.ts';

/** Runs the command line to its end on the embedded database in `dataDir`. */
function runCli(dataDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', SAMKRAFT_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 110_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const good = path.join(repoRoot, 'apps/server/src/test-support/extract-fixtures/good');

describe('the command line', { timeout: 120_000 }, () => {
  it('imports an extract into a new database: it prepares the reference data as the server does', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-cli-'));
    try {
      const r = await runCli(dataDir, ['import-extract', path.join(good, 'referrals.csv'), path.join(good, 'interventions.csv')]);
      expect(r.stderr).toBe('');
      expect(r.code, r.stdout).toBe(0);
      expect(r.stdout).toMatch(/^imported 3 referrals and 3 interventions: 3 new, 0 updated, 0 unchanged/m);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('runs one round of the messaging module: a file that is no message is rejected with its reason, the outbox is empty', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-cli-'));
    try {
      fs.mkdirSync(path.join(dataDir, 'messages', 'in'), { recursive: true });
      fs.writeFileSync(path.join(dataDir, 'messages', 'in', 'note.txt'), 'not a message');
      const r = await runCli(dataDir, ['messages']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^inbox \(.*\/messages\/in\): 0 processed, 1 rejected, 0 failed/m);
      expect(r.stdout).toMatch(/^outbox \(.*\/messages\/out\): 0 sent, 0 sent again, 0 failed without acknowledgement, 0 errors/m);
      const rejected = fs.readdirSync(path.join(dataDir, 'messages', 'in', 'rejected'));
      expect(rejected.some((f) => f.endsWith('note.txt.reason.txt'))).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to restore a file that is no backup, naming why, and leaves the data folder unmade', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-cli-'));
    try {
      const file = path.join(tmp, 'dump.sql');
      fs.writeFileSync(file, '-- PostgreSQL database dump\n');
      const dataDir = path.join(tmp, 'data');
      const r = await runCli(dataDir, ['restore', '--from', file]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('Samkraft: not a Samkraft backup (it does not begin with "SAMKRAFT-BACKUP 1")\n');
      expect(fs.existsSync(dataDir)).toBe(false);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
