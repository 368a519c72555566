import fc from 'fast-check';
import GLPK from 'glpk.js/node';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCplexLp } from '../../test-support/cplex-lp.ts';
import { demoOfferings, NINE, planRouting } from '../demo/demo-hosting.ts';
import { townHallDistanceKm } from '../reference-data/distances.data.ts';
import { roadProxyMatrix, greatCircleKm, municipalityPoint } from './planning-distances.rules.ts';
import { evaluateAllocation } from './planning-evaluate.rules.ts';
import { solveLp } from './planning-highs.worker.mjs';
import { instanceProblems, type Allocation, type PlanInstance } from './planning-instance.rules.ts';
import { buildPlanModel } from './planning-model.rules.ts';
import { allocationFromRoutes } from './planning-scenarios.rules.ts';
import { buildInstance, DEFAULT_INTERVENTIONS, DEFAULT_PARAMETERS, expectedDemand, interventionRows } from './planning-setup.rules.ts';
import { solvePlan } from './planning-solve.ts';

const refdata = JSON.parse(readFileSync(new URL('../../../../../refdata/municipalities/distance_matrix_9.json', import.meta.url), 'utf8')) as {
  codes: string[];
  townhall_great_circle_km: number[][];
  road_proxy_km_factor_1_3: number[][];
};

function nineInstance(overrides: Partial<typeof DEFAULT_PARAMETERS> = {}): PlanInstance {
  const codes = [...NINE];
  const p = { ...DEFAULT_PARAMETERS, ...overrides, municipalityCodes: codes, interventionCodes: DEFAULT_INTERVENTIONS };
  return buildInstance(p, expectedDemand(codes, interventionRows(DEFAULT_INTERVENTIONS)));
}

const glpkReady = GLPK();

async function glpkObjective(lp: string): Promise<{ status: number; objective: number; optimal: number }> {
  const glpk = await glpkReady;
  const result = glpk.solve(readCplexLp(lp, glpk), { msglev: glpk.GLP_MSG_OFF });
  return { status: result.result.status, objective: result.result.z, optimal: glpk.GLP_OPT };
}

describe('distances', () => {
  it('computes the nine town halls as refdata distance_matrix_9.json: great-circle to 0.01 km, road proxy (× 1.3) to 0.1 km', () => {
    const computed = roadProxyMatrix(refdata.codes);
    refdata.codes.forEach((a, i) =>
      refdata.codes.forEach((b, j) => {
        const pa = municipalityPoint(a);
        const pb = municipalityPoint(b);
        if (!pa || !pb) throw new Error('no point');
        expect(Math.abs(greatCircleKm(pa, pb) - (refdata.townhall_great_circle_km[i]?.[j] ?? NaN))).toBeLessThanOrEqual(0.006);
        expect(Math.abs((computed[i]?.[j] ?? NaN) - (refdata.road_proxy_km_factor_1_3[i]?.[j] ?? NaN))).toBeLessThanOrEqual(0.1 + 1e-9);
      }),
    );
  });

  it('measures a municipality outside the nine from its centroid', () => {
    const [[, aarhusToCopenhagen]] = [roadProxyMatrix(['0751', '0101'])[0] ?? []];
    expect(aarhusToCopenhagen).toBeGreaterThan(150 * 1.3);
  });
});

describe('the nine with the expected figures', () => {
  it('HiGHS proves an optimum; glpk.js re-solving the exported LP finds the same objective; 2017 is never below it', async () => {
    const instance = nineInstance();
    const plan = await solvePlan(instance, { timeLimitSeconds: 60 });
    expect(plan.status).toBe('optimal');
    expect(plan.gap).toBe(0);
    expect(plan.citizenKm).not.toBeNull();
    // The evaluation of the solver's allocation gives back the solver's objective.
    expect(plan.evaluation?.citizenKm).toBeCloseTo(plan.citizenKm ?? NaN, 4);
    expect(plan.evaluation?.violations).toEqual([]);

    const glpk = await glpkObjective(plan.lp);
    expect(glpk.status).toBe(glpk.optimal);
    expect(glpk.objective + plan.solution.objectiveConstant).toBeCloseTo(plan.citizenKm ?? NaN, 4);

    const hosting2017 = allocationFromRoutes(instance, planRouting(demoOfferings(), townHallDistanceKm));
    const e2017 = evaluateAllocation(instance, hosting2017);
    expect(e2017.unservedCitizens).toBe(0);
    expect(e2017.citizenKm).toBeGreaterThanOrEqual(plan.citizenKm ?? Infinity);
  }, 120_000);

  it('2017 is not below the optimum of a model it satisfies (no capacity limit, no target-group rule, its host counts)', async () => {
    const base = nineInstance({ everyHostsTargetGroup: false });
    const hosting2017 = allocationFromRoutes(base, planRouting(demoOfferings(), townHallDistanceKm));
    const relaxed: PlanInstance = { ...base, interventions: base.interventions.map((iv, i) => ({ ...iv, capacity: 1e5, maxHosts: Math.max(1, hosting2017.hosts[i]?.length ?? 1) })) };
    const e2017 = evaluateAllocation(relaxed, hosting2017);
    expect(e2017.violations).toEqual([]);
    const plan = await solvePlan(relaxed, { timeLimitSeconds: 60 });
    expect(plan.status).toBe('optimal');
    expect(e2017.citizenKm).toBeGreaterThanOrEqual((plan.citizenKm ?? Infinity) - 1e-6);
  }, 120_000);
});

/** Every allocation of a tiny instance: hosts per intervention and each home's host among them. */
function bruteForce(instance: PlanInstance): number | null {
  const n = instance.municipalities.length;
  const placed = instance.interventions.map((iv, i) => ({ iv, i })).filter(({ iv }) => iv.kind === 'target_group' || iv.kind === 'general');
  let best: number | null = null;
  const choices = placed.map(({ i }) => {
    const options: { hosts: number[]; hostOf: (number | null)[] }[] = [];
    for (let mask = 1; mask < 1 << n; mask++) {
      const hosts = [...Array(n).keys()].filter((m) => mask & (1 << m));
      const assign = (h: number, acc: (number | null)[]): void => {
        if (h === n) {
          options.push({ hosts, hostOf: [...acc] });
          return;
        }
        if ((instance.demand[h]?.[i] ?? 0) <= 0) return assign(h + 1, [...acc, null]);
        for (const m of hosts) assign(h + 1, [...acc, m]);
      };
      assign(0, []);
    }
    return options;
  });
  const walk = (k: number, hosts: number[][], hostOf: (number | null)[][]): void => {
    if (k === placed.length) {
      const allocation: Allocation = {
        hosts: instance.interventions.map((iv, i) => (iv.kind === 'home' ? [...Array(n).keys()] : (hosts[placed.findIndex((p) => p.i === i)] ?? []))),
        hostOf: instance.interventions.map((iv, i) => (iv.kind === 'home' ? [...Array(n).keys()] : (hostOf[placed.findIndex((p) => p.i === i)] ?? []))),
      };
      const e = evaluateAllocation(instance, allocation);
      if (e.violations.length === 0 && e.unservedCitizens === 0 && (best === null || e.citizenKm < best)) best = e.citizenKm;
      return;
    }
    for (const option of choices[k] ?? []) walk(k + 1, [...hosts, option.hosts], [...hostOf, option.hostOf]);
  };
  walk(0, [], []);
  return best;
}

const tinyInstance = fc
  .record({ n: fc.integer({ min: 2, max: 3 }), k: fc.integer({ min: 1, max: 2 }) })
  .chain(({ n, k }) =>
    fc.record({
      n: fc.constant(n),
      points: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), { minLength: n, maxLength: n }),
      demand: fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
      kinds: fc.array(fc.constantFrom('target_group' as const, 'general' as const, 'rotating' as const), { minLength: k, maxLength: k }),
      capacity: fc.array(fc.integer({ min: 10, max: 60 }), { minLength: k, maxLength: k }),
      maxHosts: fc.array(fc.integer({ min: 1, max: n }), { minLength: k, maxLength: k }),
      allowedMask: fc.array(fc.integer({ min: 1, max: (1 << n) - 1 }), { minLength: k, maxLength: k }),
      tolerance: fc.option(fc.constantFrom(0.5, 1, 2), { nil: null }),
      everyHostsTargetGroup: fc.boolean(),
    }),
  );

describe('property: random small instances', () => {
  it('HiGHS agrees with brute force (same optimum, or both infeasible)', async () => {
    await fc.assert(
      fc.asyncProperty(tinyInstance, async (t) => {
        const codes = ['0101', '0147', '0151'].slice(0, t.n);
        const instance: PlanInstance = {
          municipalities: codes.map((code) => ({ code, name: code })),
          interventions: t.kinds.map((kind, i) => ({
            code: `iv${i}`,
            nameDa: `iv${i}`,
            kind,
            sessions: 1 + i,
            capacity: t.capacity[i] ?? 10,
            maxHosts: t.maxHosts[i] ?? 1,
            allowedHosts: codes.filter((_, m) => ((t.allowedMask[i] ?? 1) & (1 << m)) !== 0),
            rotationHosts: null,
          })),
          demand: t.demand,
          distanceKm: t.points.map(([ax, ay]) => t.points.map(([bx, by]) => Math.round(Math.hypot(ax - bx, ay - by) * 10) / 10)),
          costNeutralityTolerance: t.tolerance,
          everyHostsTargetGroup: t.everyHostsTargetGroup,
          couplings: [],
        };
        const brute = bruteForce(instance);
        if (instanceProblems(instance).length > 0) {
          expect(brute).toBeNull();
          return;
        }
        const model = buildPlanModel(instance);
        const highs = await solveLp(model.lp, { timeLimitSeconds: 10, relativeGap: 0 });
        if (brute === null) expect(highs.status).toBe('infeasible');
        else {
          expect(highs.status).toBe('optimal');
          expect((highs.objective ?? NaN) + model.objectiveConstant).toBeCloseTo(brute, 4);
        }
      }),
      { numRuns: 60, seed: 14 },
    );
  }, 120_000);
});
