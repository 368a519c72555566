import { describe, expect, it } from 'vitest';
import { bytesToBase64, sortErrors } from './fileBytes.ts';

describe('bytesToBase64', () => {
  it('encodes like the standard alphabet, with padding', () => {
    expect(bytesToBase64(new Uint8Array([]))).toBe('');
    expect(bytesToBase64(new TextEncoder().encode('Æ;1'))).toBe('w4Y7MQ==');
  });
  it('encodes more than one slice', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 3).fill(0xff);
    const text = bytesToBase64(bytes);
    expect(text.length).toBe(87388);
    expect(text.startsWith('////')).toBe(true);
    expect(text.endsWith('/////w==')).toBe(true);
  });
});

describe('sortErrors', () => {
  it('orders by file, row and column', () => {
    const rows = [
      { file: 'referrals.csv', row: 3, column: 'sex' },
      { file: 'interventions.csv', row: 9, column: 'end' },
      { file: 'referrals.csv', row: 3, column: 'received' },
      { file: 'referrals.csv', row: 2, column: 'source' },
    ];
    expect(sortErrors(rows).map((r) => `${r.file}:${r.row}:${r.column}`)).toEqual(['interventions.csv:9:end', 'referrals.csv:2:source', 'referrals.csv:3:received', 'referrals.csv:3:sex']);
  });
});
