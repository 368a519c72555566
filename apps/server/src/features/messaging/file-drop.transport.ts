import fs from 'node:fs/promises';
import path from 'node:path';
import type { IncomingFile, MessageTransport, OutgoingFile, Settlement } from './message-transport.ts';

/** A received file larger than this is not a message Samkraft takes (MedCom's limit is far below). */
export const MAX_MESSAGE_BYTES = 20 * 1024 * 1024;

export type FileDropFolders = { out: string; in: string; processed: string; rejected: string };

export const fileDropFolders = (root: string): FileDropFolders => ({
  out: path.join(root, 'out'),
  in: path.join(root, 'in'),
  processed: path.join(root, 'in', 'processed'),
  rejected: path.join(root, 'in', 'rejected'),
});

/** Only a plain file name of our own making or the network's: no folders, no hidden files. */
function safeName(name: string): string {
  const base = path.basename(name);
  if (base !== name || base.startsWith('.') || !/^[A-Za-z0-9._-]{1,200}$/.test(base)) throw new Error(`not a message file name: ${JSON.stringify(name.slice(0, 80))}`);
  return base;
}

/**
 * The file-drop transport: a message goes out as a file written whole into `out/` (written under
 * a hidden name, then linked to its own, so the network client never reads half a file), and comes in as a
 * file in `in/`, moved to `in/processed/` or `in/rejected/` (with `<name>.reason.txt`) once handled.
 */
export function fileDropTransport(root: string): MessageTransport {
  const folders = fileDropFolders(root);
  const ready = (async () => {
    for (const dir of Object.values(folders)) await fs.mkdir(dir, { recursive: true });
  })();

  return {
    async send(file: OutgoingFile) {
      await ready;
      const name = safeName(file.name);
      const partial = path.join(folders.out, `.${name}.partial`);
      await fs.writeFile(partial, file.bytes, { flag: 'wx' });
      // link() refuses a name that exists: a message never replaces another one not yet taken.
      try {
        await fs.link(partial, path.join(folders.out, name));
      } finally {
        await fs.unlink(partial);
      }
    },

    async receive(limit: number) {
      await ready;
      const entries = await fs.readdir(folders.in, { withFileTypes: true });
      const files: { name: string; mtimeMs: number; size: number }[] = [];
      for (const e of entries) {
        if (!e.isFile() || e.name.startsWith('.')) continue;
        const stat = await fs.stat(path.join(folders.in, e.name));
        files.push({ name: e.name, mtimeMs: stat.mtimeMs, size: stat.size });
      }
      files.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
      const out: IncomingFile[] = [];
      for (const f of files.slice(0, limit)) {
        // Too large to be a message: read nothing of it, and let the caller reject it.
        const bytes = f.size > MAX_MESSAGE_BYTES ? new Uint8Array() : new Uint8Array(await fs.readFile(path.join(folders.in, f.name)));
        out.push({ name: f.name, bytes, size: f.size, receivedAt: new Date(f.mtimeMs) });
      }
      return out;
    },

    async settle(file: IncomingFile, settlement: Settlement) {
      await ready;
      const from = path.join(folders.in, path.basename(file.name));
      const target = settlement.kind === 'processed' ? folders.processed : folders.rejected;
      // A file of the same name handled before (a duplicate) is kept beside it, not overwritten.
      const stamp = `${Date.now().toString(36)}-`;
      const to = path.join(target, `${stamp}${path.basename(file.name)}`);
      await fs.rename(from, to);
      if (settlement.kind === 'rejected') await fs.writeFile(`${to}.reason.txt`, `${settlement.reason}\n`);
    },
  };
}
