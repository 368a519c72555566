/**
 * Small-number suppression for publication, with complementary suppression: every count from 1
 * to 4 is hidden, and then more cells are hidden until no published total reveals a hidden cell.
 *
 * A table is a grid of counts plus its additive relations ("lines"): the cells of a line are a
 * set of parts and the total they add up to. A line with exactly one hidden cell gives that cell
 * away (total minus the others), so the rule is: in every line, none or at least two are hidden.
 */

export type Cell = readonly [row: number, column: number];

export const SMALL_NUMBER_LIMIT = 5;

export function isSmall(value: number): boolean {
  return value > 0 && value < SMALL_NUMBER_LIMIT;
}

/**
 * Which cells to hide. `lines` name the cells of each additive relation, the total included;
 * `totals` (optional) are cells that are totals, hidden only when no part is left to hide, so the
 * complement falls on the smallest part first — the least information lost.
 */
export function suppressCells(values: readonly (readonly number[])[], lines: readonly (readonly Cell[])[], totals: readonly Cell[] = []): boolean[][] {
  const hidden = values.map((row) => row.map((v) => isSmall(v)));
  const isTotal = new Set(totals.map(([r, c]) => `${r}:${c}`));
  const rank = ([r, c]: Cell): [number, number, number] => {
    const v = values[r]?.[c] ?? 0;
    // Prefer a part over a total, a non-zero over a zero (a hidden zero protects nothing), then the smallest.
    return [isTotal.has(`${r}:${c}`) ? 1 : 0, v === 0 ? 1 : 0, v];
  };
  const compare = (a: Cell, b: Cell): number => {
    const x = rank(a);
    const y = rank(b);
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a[0] - b[0] || a[1] - b[1];
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hiddenCount = line.filter(([r, c]) => hidden[r]?.[c] === true).length;
      if (hiddenCount !== 1) continue;
      const candidates = line.filter(([r, c]) => hidden[r]?.[c] === false).sort(compare);
      const pick = candidates[0];
      if (!pick) continue;
      const row = hidden[pick[0]];
      if (row) row[pick[1]] = true;
      changed = true;
    }
  }
  return hidden;
}

/**
 * The lines of an ordinary cross table: `rows` × `columns` parts, with a total column at index
 * `columns` and a total row at index `rows` (so the grid is (rows+1) × (columns+1)).
 */
export function crossTableLines(rows: number, columns: number): { lines: Cell[][]; totals: Cell[] } {
  const lines: Cell[][] = [];
  for (let r = 0; r <= rows; r++) lines.push(Array.from({ length: columns + 1 }, (_, c): Cell => [r, c]));
  for (let c = 0; c <= columns; c++) lines.push(Array.from({ length: rows + 1 }, (_, r): Cell => [r, c]));
  const totals: Cell[] = [];
  for (let r = 0; r <= rows; r++) totals.push([r, columns]);
  for (let c = 0; c < columns; c++) totals.push([rows, c]);
  return { lines, totals };
}
