import { describe, expect, it } from 'vitest';
import { assignTables, decodeText, detectSeparator, looksBinary, parseCsvFile, sheetToTable, splitCsv } from './extract-parse.rules.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0x86, 0x3b]))).toBe('Æ;');
    expect(decodeText(new Uint8Array([0xc3, 0x86, 0x3b]))).toBe('Æ;');
  });
  it('falls back to Windows-1252 as Danish Excel saves CSV', () => {
    expect(decodeText(new Uint8Array([0xc6, 0xd8, 0xc5, 0x3b, 0xe6, 0xf8, 0xe5]))).toBe('ÆØÅ;æøå');
  });
});

describe('detectSeparator', () => {
  it('finds ; or , outside quotes, ; on a tie', () => {
    expect(detectSeparator('a;b;c')).toBe(';');
    expect(detectSeparator('a,b,c')).toBe(',');
    expect(detectSeparator('"a;b",c')).toBe(',');
    expect(detectSeparator('a;b,c')).toBe(';');
    expect(detectSeparator('a\tb')).toBeNull();
  });
});

describe('splitCsv', () => {
  it('handles quotes, doubled quotes, line breaks in quotes and CRLF, numbering records by their first line', () => {
    const { records, unclosedAt } = splitCsv('a;b\r\n"x;1";"say ""hi"""\r\n"two\nlines";z\n', ';');
    expect(unclosedAt).toBeNull();
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x;1', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
    ]);
  });
  it('reports where an unclosed quote starts', () => {
    expect(splitCsv('a;b\n"x;1\n', ';').unclosedAt).toBe(2);
  });
});

describe('parseCsvFile', () => {
  it('skips blank rows but keeps the spreadsheet row numbers', () => {
    const parsed = parseCsvFile('r.csv', bytes('referral_id;received\n\n;;\nA;2025-01-02\n'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.table).toEqual({ file: 'r.csv', header: ['referral_id', 'received'], rows: [{ row: 4, cells: ['A', '2025-01-02'] }] });
  });
  it('refuses an empty file, a binary file and a header without separator', () => {
    expect(parseCsvFile('r.csv', new Uint8Array()).errors.map((e) => e.reason)).toEqual(['empty_file']);
    expect(parseCsvFile('r.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01])).errors.map((e) => e.reason)).toEqual(['binary_file']);
    expect(parseCsvFile('r.csv', bytes('referral_id\treceived\n')).errors.map((e) => e.reason)).toEqual(['no_separator']);
    expect(looksBinary(bytes('a;b\r\n'))).toBe(false);
  });
});

describe('sheetToTable', () => {
  it('pads short sheet rows to the header and drops empty cells beyond it', () => {
    const parsed = sheetToTable('x.xlsx › referrals', [['a', 'b', 'c', ''], ['1'], [], ['1', '2', '3', '', '']]);
    expect(parsed.table?.rows).toEqual([
      { row: 2, cells: ['1', '', ''] },
      { row: 4, cells: ['1', '2', '3'] },
    ]);
  });
});

describe('assignTables', () => {
  const referrals = { file: 'a.csv', header: ['referral_id', 'received'], rows: [] };
  const interventions = { file: 'b.csv', header: ['referral_id', 'intervention'], rows: [] };
  it('tells the tables apart by their columns, in any order', () => {
    expect(assignTables([interventions, referrals]).input).toEqual({ referrals, interventions });
  });
  it('refuses a missing or doubled table', () => {
    expect(assignTables([referrals]).errors.map((e) => [e.file, e.reason])).toEqual([['a.csv', 'missing_table']]);
    expect(assignTables([referrals, { ...referrals, file: 'c.csv' }]).errors.map((e) => [e.file, e.reason])).toEqual([['c.csv', 'duplicate_table']]);
  });
});
