import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BackupError } from './backup-file.ts';

/*
 * A PostgreSQL server is backed up by its own tools: pg_dump in custom format and pg_restore.
 * They come with the PostgreSQL client packages (Debian: postgresql-client-15), found on PATH or
 * in /usr/lib/postgresql/<major>/bin. pg_dump must be at least as new as the server it dumps, and
 * pg_restore at least as new as the pg_dump that wrote the archive.
 */

export type PgTool = { file: string; version: string; major: number };

function toolVersion(file: string): PgTool | undefined {
  const r = spawnSync(file, ['--version'], { encoding: 'utf8' });
  const m = r.status === 0 ? /\(PostgreSQL\)\s+(\d+)(\.\d+)?/.exec(r.stdout) : null;
  return m?.[1] ? { file, version: `${m[1]}${m[2] ?? ''}`, major: Number(m[1]) } : undefined;
}

/** Every `name` binary found on PATH and in /usr/lib/postgresql/<major>/bin, with its version. */
export function findPgTools(name: 'pg_dump' | 'pg_restore'): PgTool[] {
  const found: PgTool[] = [];
  const onPath = toolVersion(name);
  if (onPath) found.push(onPath);
  const root = '/usr/lib/postgresql';
  const dirs = fs.existsSync(root) ? fs.readdirSync(root) : [];
  for (const dir of dirs) {
    const tool = toolVersion(path.join(root, dir, 'bin', name));
    if (tool) found.push(tool);
  }
  return found;
}

/**
 * The oldest `name` able to handle `major` (the server's, or the archive's pg_dump): the oldest
 * keeps the archive readable by the most pg_restore versions.
 */
export function pickPgTool(name: 'pg_dump' | 'pg_restore', major: number, tools: PgTool[], purpose: string): PgTool {
  const able = tools.filter((t) => t.major >= major).sort((a, b) => a.major - b.major);
  const chosen = able[0];
  if (chosen) return chosen;
  const seen = tools.length ? `found only ${tools.map((t) => `${t.file} ${t.version}`).join(', ')}` : 'found none';
  throw new BackupError(
    `${purpose} needs ${name} ${major} or newer (${seen}): install the PostgreSQL ${major} client tools (Debian: postgresql-client-${major}) so that ${name} is on PATH or in /usr/lib/postgresql/${major}/bin`,
  );
}

/** The URL without its password, and the password for PGPASSWORD: a password never shows in the process list. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: PgTool, args: string[], url: string | undefined, io: { stdin?: NodeJS.ReadableStream; stdout?: NodeJS.WritableStream }): Promise<void> {
  const { dbname, env } = url ? connection(url) : { dbname: undefined, env: process.env };
  const child = spawn(tool.file, [...args, ...(dbname ? [`--dbname=${dbname}`] : [])], { env, stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < 20_000) stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const streams: Promise<void>[] = [];
  // Writing to a tool that stopped early fails too; its exit code and message say why.
  if (io.stdin && child.stdin) streams.push(pipeline(io.stdin, child.stdin).catch(() => undefined));
  if (io.stdout && child.stdout) streams.push(pipeline(child.stdout, io.stdout));
  return Promise.all([exited, ...streams]).then(([code]) => {
    if (code !== 0) throw new BackupError(`${path.basename(tool.file)} failed (exit ${String(code)}): ${stderr.trim().split('\n').slice(-5).join(' | ') || 'no message'}`);
  });
}

/** Dumps the database at `url` in custom format to `file`, from the exported `snapshot` when given. */
export async function pgDump(tool: PgTool, url: string, file: string, snapshot?: string): Promise<void> {
  const out = fs.createWriteStream(file, { mode: 0o600 });
  await run(tool, ['--format=custom', '--no-password', ...(snapshot ? [`--snapshot=${snapshot}`] : [])], url, { stdout: out });
}

/** Whether a line of `pg_restore --list` is a default privilege (ALTER DEFAULT PRIVILEGES FOR ROLE …). */
export const isDefaultAclEntry = (line: string): boolean => /^\d+; \d+ \d+ DEFAULT ACL /.test(line);

/**
 * Restores a custom-format archive (the bytes of `file` from `offset`) into the empty database at
 * `url`, all or nothing. The objects are owned by the restoring role, not the archive's owner
 * (who may not exist on this server); the grants to the server's role come with the archive. Its
 * default privileges do not: they name the old owner ("FOR ROLE …"), so the caller gives the
 * restoring role its own, as migration 0014 did for the old one.
 */
export async function pgRestore(tool: PgTool, url: string, file: string, offset: number): Promise<void> {
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await run(tool, ['--list'], undefined, { stdin: fs.createReadStream(file, { start: offset }), stdout: collect });
  const list = Buffer.concat(chunks).toString('utf8').split('\n').filter((line) => !isDefaultAclEntry(line));
  const listFile = path.join(os.tmpdir(), `samkraft-restore-${process.pid}-${Date.now()}.list`);
  fs.writeFileSync(listFile, list.join('\n'), { mode: 0o600 });
  try {
    await run(tool, ['--no-owner', '--single-transaction', '--exit-on-error', '--no-password', `--use-list=${listFile}`], url, { stdin: fs.createReadStream(file, { start: offset }) });
  } finally {
    fs.rmSync(listFile, { force: true });
  }
}
