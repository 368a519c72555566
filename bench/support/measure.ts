/** Timing helpers: every figure is a median (or percentile) over repeated runs, never one run. */

export type Samples = { ms: number[] };

export async function sample(runs: number, fn: () => Promise<unknown>, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  return ms;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/**
 * Runs ours and the floor alternately (so load on the machine hits both alike), `runs` times each.
 */
export async function against(runs: number, ours: () => Promise<unknown>, floor: () => Promise<unknown>): Promise<{ ours: number[]; floor: number[] }> {
  await ours();
  await floor();
  const result = { ours: [] as number[], floor: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const [key, fn] of [['ours', ours], ['floor', floor]] as const) {
      const start = performance.now();
      await fn();
      result[key].push(performance.now() - start);
    }
  }
  return result;
}
