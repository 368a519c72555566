import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder, where the server is started and artifacts are written. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
