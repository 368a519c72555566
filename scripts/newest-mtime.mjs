// When a folder's content last changed: the newest modification time below it (a deleted file
// shows only as a newer folder). Node builtins only.
import fs from 'node:fs';
import path from 'node:path';

/** The newest mtime at or below `entry`, skipping folders named in `skip`; 0 when it is missing. */
export function newestMtime(entry, skip = new Set()) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) {
    if (skip.has(name)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name), skip));
  }
  return newest;
}
