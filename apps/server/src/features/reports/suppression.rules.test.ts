import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossTableLines, suppressCells } from './suppression.rules.ts';

/** A cross table with its sums: parts, a total column and a total row. */
function withTotals(parts: number[][]): number[][] {
  const rows = parts.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  const columns = parts[0]?.length ?? 0;
  const totalRow = Array.from({ length: columns + 1 }, (_, c) => rows.reduce((a, r) => a + (r[c] ?? 0), 0));
  return [...rows, totalRow];
}

describe('complementary suppression', () => {
  it('hides counts 1–4 and the smallest other part of the same row and column', () => {
    // Parts        total
    //  3  10  20 |  33
    //  8   9  30 |  47
    // 11  19  50 |  80
    const grid = withTotals([
      [3, 10, 20],
      [8, 9, 30],
    ]);
    const { lines, totals } = crossTableLines(2, 3);
    const hidden = suppressCells(grid, lines, totals);
    // 3 is small; its row's smallest other part is 10, its column's is 8; then row 2 has 8 hidden
    // and column 2 has 10 hidden, so 9 (smallest left in both) closes both.
    expect(hidden).toEqual([
      [true, true, false, false],
      [true, true, false, false],
      [false, false, false, false],
    ]);
  });

  it('leaves a table without small numbers alone, and zeros are not small', () => {
    const grid = withTotals([
      [0, 10],
      [7, 5],
    ]);
    const { lines, totals } = crossTableLines(2, 2);
    expect(suppressCells(grid, lines, totals).flat().some(Boolean)).toBe(false);
  });

  it('hides a total when a line has no other part to hide', () => {
    // One part per row: a small part must take its row total with it.
    const grid = withTotals([[2], [9]]);
    const { lines, totals } = crossTableLines(2, 1);
    expect(suppressCells(grid, lines, totals)).toEqual([
      [true, true],
      [true, true],
      [false, false],
    ]);
  });

  it('property: every small count is hidden, no line has exactly one hidden cell, shown cells are untouched', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((rows) => fc.integer({ min: 1, max: 5 }).chain((cols) => fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }))),
        (parts) => {
          const grid = withTotals(parts);
          const { lines, totals } = crossTableLines(parts.length, parts[0]?.length ?? 0);
          const hidden = suppressCells(grid, lines, totals);
          grid.forEach((row, r) => row.forEach((v, c) => {
            if (v > 0 && v < 5) expect(hidden[r]?.[c]).toBe(true);
          }));
          for (const line of lines) {
            expect(line.filter(([r, c]) => hidden[r]?.[c]).length).not.toBe(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
