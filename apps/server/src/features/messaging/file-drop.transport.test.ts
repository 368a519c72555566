import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileDropFolders, fileDropTransport, MAX_MESSAGE_BYTES } from './file-drop.transport.ts';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'samkraft-drop-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const text = (s: string) => new TextEncoder().encode(s);

describe('the file-drop transport', () => {
  it('writes a message whole into out/, and never over one already there', async () => {
    const t = fileDropTransport(root);
    await t.send({ name: 'care-communication-1.json', bytes: text('{"resourceType":"Bundle"}') });
    const folders = fileDropFolders(root);
    expect(await fs.readdir(folders.out)).toEqual(['care-communication-1.json']);
    expect(await fs.readFile(path.join(folders.out, 'care-communication-1.json'), 'utf8')).toBe('{"resourceType":"Bundle"}');
    await expect(t.send({ name: 'care-communication-1.json', bytes: text('{}') })).rejects.toThrow();
  });

  it('refuses a file name with a folder in it or a hidden one', async () => {
    const t = fileDropTransport(root);
    await expect(t.send({ name: '../escape.json', bytes: text('{}') })).rejects.toThrow(/not a message file name/);
    await expect(t.send({ name: '.hidden', bytes: text('{}') })).rejects.toThrow(/not a message file name/);
  });

  it('reads the inbox oldest first, skipping hidden files, and moves each file once handled', async () => {
    const t = fileDropTransport(root);
    const folders = fileDropFolders(root);
    await t.receive(1); // makes the folders
    await fs.writeFile(path.join(folders.in, 'b.json'), '{"b":1}');
    await fs.utimes(path.join(folders.in, 'b.json'), new Date('2026-12-01T10:00:00Z'), new Date('2026-12-01T10:00:00Z'));
    await fs.writeFile(path.join(folders.in, 'a.json'), '{"a":1}');
    await fs.utimes(path.join(folders.in, 'a.json'), new Date('2026-12-01T11:00:00Z'), new Date('2026-12-01T11:00:00Z'));
    await fs.writeFile(path.join(folders.in, '.c.json.partial'), 'half');
    const files = await t.receive(10);
    expect(files.map((f) => f.name)).toEqual(['b.json', 'a.json']);
    expect(new TextDecoder().decode(files[0]?.bytes)).toBe('{"b":1}');
    await t.settle(files[0]!, { kind: 'processed' });
    await t.settle(files[1]!, { kind: 'rejected', reason: 'not a message: no JSON object' });
    expect((await t.receive(10)).map((f) => f.name)).toEqual([]);
    expect((await fs.readdir(folders.processed)).some((n) => n.endsWith('b.json'))).toBe(true);
    const rejected = await fs.readdir(folders.rejected);
    const reason = rejected.find((n) => n.endsWith('a.json.reason.txt'));
    expect(reason).toBeDefined();
    expect(await fs.readFile(path.join(folders.rejected, reason!), 'utf8')).toBe('not a message: no JSON object\n');
  });

  it('reads nothing of a file too large to be a message', async () => {
    const t = fileDropTransport(root);
    await t.receive(1);
    const big = path.join(fileDropFolders(root).in, 'big.json');
    await fs.writeFile(big, Buffer.alloc(MAX_MESSAGE_BYTES + 1));
    const [file] = await t.receive(1);
    expect(file?.bytes.length).toBe(0);
  });
});
