import type { PlanScenarioDto } from '@samkraft/contracts/planning';

/** The map's plane, as scripts/simplify-municipalities.mjs writes the outlines: x = lon·cos 56°, y = −lat. */
const K = Math.cos((56 * Math.PI) / 180);
export const project = (lat: number, lon: number): [number, number] => [lon * K, -lat];

export type Rings = Record<string, [number, number][][]>;

export function boundsOf(rings: Rings, codes: readonly string[]): { x: number; y: number; w: number; h: number } {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const code of codes)
    for (const ring of rings[code] ?? [])
      for (const [x, y] of ring) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
  const pad = Math.max(maxX - minX, maxY - minY) * 0.03;
  return { x: minX - pad, y: minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad };
}

export const pathOf = (rings: [number, number][][]): string => rings.map((ring) => `M${ring.map(([x, y]) => `${x},${y}`).join('L')}Z`).join('');

/**
 * Flows between different municipalities summed over interventions: one line per (home, host).
 * A rotating intervention (patient education) is left out: every municipality takes its turn.
 */
export function aggregateFlows(scenario: PlanScenarioDto, rotating: ReadonlySet<string>): { home: string; host: string; citizens: number }[] {
  const sums = new Map<string, number>();
  for (const f of scenario.flows) if (f.home !== f.host && !rotating.has(f.interventionCode)) sums.set(`${f.home}>${f.host}`, (sums.get(`${f.home}>${f.host}`) ?? 0) + f.citizens);
  return [...sums].map(([key, citizens]) => {
    const [home = '', host = ''] = key.split('>');
    return { home, host, citizens };
  });
}
