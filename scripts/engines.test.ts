import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * `package.json` says which Node Samkraft runs on; every installed package must run there too,
 * or `npm ci` warns (EBADENGINE) and the claim is false. The lock file records each package's
 * `engines`, so this reads it instead of node_modules.
 */
const root = path.resolve(import.meta.dirname, '..');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;

type Lock = { packages: Record<string, { version?: string; engines?: Record<string, string> | string[]; optional?: boolean; dev?: boolean }> };

describe('the Node version package.json claims', () => {
  const claim = readJson<{ engines: { node: string } }>('package.json').engines.node;
  const oldest = semver.minVersion(claim)?.version ?? '';

  it('is a range with an oldest version', () => {
    expect(oldest).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is one every locked package accepts, so a fresh npm ci warns of no engine', () => {
    const lock = readJson<Lock>('package-lock.json');
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name.startsWith('node_modules/') || name.includes('/node_modules/'))
      .flatMap(([name, p]) => {
        const node = Array.isArray(p.engines) ? undefined : p.engines?.node;
        if (!node || semver.satisfies(oldest, node, { includePrerelease: true })) return [];
        return [`${name.replace(/^.*node_modules\//, '')}@${p.version ?? '?'} wants node ${node}`];
      });
    expect(refusing).toEqual([]);
  });
});
