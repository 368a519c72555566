import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

/**
 * A backup file: one line `SAMKRAFT-BACKUP 1`, one line of JSON (the manifest), then the
 * database's own dump — a pg_dump archive in custom format (PostgreSQL) or a tarball of PGlite's
 * data folder (embedded). The manifest lets a restore refuse a file it cannot use before it
 * touches the target: a foreign or damaged file, another kind of database, a newer schema.
 */
export const BACKUP_MAGIC = 'SAMKRAFT-BACKUP 1\n';
const MAX_HEADER_BYTES = 1024 * 1024;

const manifestSchema = z.strictObject({
  samkraftVersion: z.string(),
  createdAt: z.iso.datetime(),
  source: z.enum(['pglite', 'postgres']),
  format: z.enum(['pg_dump-custom', 'pglite-datadir']),
  /** The last migration applied, and how many were: the schema level of the data. */
  migration: z.string().min(1),
  migrations: z.number().int().positive(),
  postgresVersion: z.string(),
  /** The pg_dump that wrote a PostgreSQL archive; pg_restore must be at least as new. */
  pgDumpVersion: z.string().optional(),
  /** Every table ("schema.table") and its rows at the moment of the dump. */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  payloadBytes: z.number().int().nonnegative(),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
}).refine((m) => (m.source === 'pglite') === (m.format === 'pglite-datadir'), { message: 'the source and the format do not match', path: ['format'] });

export type BackupManifest = z.infer<typeof manifestSchema>;

/** A backup or restore refused or failed, with the reason in words (a foreign file, a non-empty target, a missing tool…). */
export class BackupError extends Error {}

/** The header line and manifest that precede the payload. */
export function encodeHeader(manifest: BackupManifest): Buffer {
  return Buffer.from(`${BACKUP_MAGIC}${JSON.stringify(manifestSchema.parse(manifest))}\n`, 'utf8');
}

/** Reads the manifest from the start of a file's bytes; `payloadOffset` is where the dump starts. */
export function decodeHeader(head: Buffer): { manifest: BackupManifest; payloadOffset: number } {
  const magic = Buffer.from(BACKUP_MAGIC, 'utf8');
  if (head.length < magic.length || !head.subarray(0, magic.length).equals(magic)) {
    throw new BackupError('not a Samkraft backup (it does not begin with "SAMKRAFT-BACKUP 1")');
  }
  const end = head.indexOf(0x0a, magic.length);
  if (end < 0) throw new BackupError('the backup’s manifest is cut short (no end of line within the first MB)');
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(head.subarray(magic.length, end).toString('utf8')));
  } catch (err) {
    const why = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`).join('; ') : 'not JSON';
    throw new BackupError(`the backup’s manifest is damaged (${why})`);
  }
  return { manifest, payloadOffset: end + 1 };
}

/** Opens a backup file: its manifest, checked against the payload's length and SHA-256. */
export async function readBackupFile(file: string): Promise<{ manifest: BackupManifest; payloadOffset: number }> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new BackupError(`no such file: ${file}`);
  }
  const fd = fs.openSync(file, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(Math.min(size, MAX_HEADER_BYTES));
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const { manifest, payloadOffset } = decodeHeader(head);
  if (size - payloadOffset !== manifest.payloadBytes) {
    throw new BackupError(`the backup is damaged: its dump has ${size - payloadOffset} bytes, the manifest says ${manifest.payloadBytes} (cut short or appended to)`);
  }
  // Checked before any tool reads it: PGlite fails on a foreign tarball outside its promise.
  const magic = head.subarray(payloadOffset, payloadOffset + 5);
  const expected = manifest.format === 'pglite-datadir' ? { bytes: Buffer.from([0x1f, 0x8b]), what: 'a gzipped tarball of a data folder' } : { bytes: Buffer.from('PGDMP'), what: 'a pg_dump archive' };
  if (!magic.subarray(0, expected.bytes.length).equals(expected.bytes)) throw new BackupError(`the backup is damaged: its dump is not ${expected.what}, as the manifest says`);
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { start: payloadOffset })) hash.update(chunk as Buffer);
  if (hash.digest('hex') !== manifest.payloadSha256) throw new BackupError('the backup is damaged: its dump does not match the manifest’s SHA-256');
  return { manifest, payloadOffset };
}

/**
 * Writes the backup file `out` from a payload written to `payloadFile`: the file is created new
 * (an existing one is never overwritten) and readable by its owner only — it holds health data.
 * Returns the file's size in bytes.
 */
export async function writeBackupFile(out: string, manifest: Omit<BackupManifest, 'payloadBytes' | 'payloadSha256'>, payloadFile: string): Promise<number> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(payloadFile)) hash.update(chunk as Buffer);
  const header = encodeHeader({ ...manifest, payloadBytes: fs.statSync(payloadFile).size, payloadSha256: hash.digest('hex') });
  let fd: number;
  try {
    fd = fs.openSync(out, 'wx', 0o600);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new BackupError(code === 'EEXIST' ? `${out} already exists; a backup never overwrites a file` : `cannot create ${out}: ${code ?? String(err)}`);
  }
  try {
    fs.fchmodSync(fd, 0o600);
    fs.writeSync(fd, header);
    const buffer = Buffer.alloc(1024 * 1024);
    const source = fs.openSync(payloadFile, 'r');
    try {
      for (let n = fs.readSync(source, buffer); n > 0; n = fs.readSync(source, buffer)) fs.writeSync(fd, buffer, 0, n);
    } finally {
      fs.closeSync(source);
    }
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(out, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  return fs.statSync(out).size;
}

/** Refuses a backup whose schema is newer than this code's migrations (or unknown to them). */
export function checkMigrationLevel(manifest: BackupManifest, known: readonly string[]): void {
  const last = known.at(-1) ?? '(none)';
  if (!known.includes(manifest.migration) || manifest.migrations > known.length) {
    throw new BackupError(
      `the backup is of a newer Samkraft (${manifest.samkraftVersion}, migration ${manifest.migration}) than this one knows (up to ${last}); restore it with that version or later`,
    );
  }
}
