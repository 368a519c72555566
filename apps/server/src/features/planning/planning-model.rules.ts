import { isPlaced, mayHost, rotationIndices, type Allocation, type PlanInstance } from './planning-instance.rules.ts';

/**
 * The placement model as a mixed-integer programme, written as a CPLEX LP file — the text HiGHS
 * solves is the text exported, so anyone can re-solve it with another solver.
 *
 *   y[m,i] ∈ {0,1}  municipality m hosts placed intervention i
 *   z[h,m,i] ∈ {0,1} home h's citizens for i go to host m (one host per home: the routing)
 *
 *   min  Σ d[h,i]·km[h,m]·z[h,m,i]                                  (citizen-kilometres)
 *   s.t. Σ_m z[h,m,i] = 1                       each home with demand is served
 *        z[h,m,i] ≤ y[m,i]                      only by a host
 *        Σ_h d[h,i]·z[h,m,i] ≤ cap[i]·y[m,i]    capacity
 *        Σ_m y[m,i] ≤ maxHosts[i]
 *        Σ_{i target group} y[m,i] ≥ 1          §8.7: every municipality hosts a target-group intervention
 *        y[m,a] ≤ y[m,b]                        couplings (Bilag G: coherent courses)
 *        |Σ s_i·d[h,i]·z[h,m,i] (h≠m) − Σ s_i·d[m,i]·z[m,m',i] (m'≠m)| ≤ tol·U[m]   cost neutrality
 *
 * Home and rotating interventions are constants (no decision): their citizen-km is the
 * `objectiveConstant`, outside the LP file, added to its objective for the total.
 */

export type ModelVariable = { kind: 'y'; m: number; i: number } | { kind: 'z'; h: number; m: number; i: number };

export type PlanModel = {
  lp: string;
  variables: ReadonlyMap<string, ModelVariable>;
  /** Citizen-km of the home and rotating interventions, not in the LP objective. */
  objectiveConstant: number;
  rows: number;
};

const safe = (s: string): string => s.replace(/[^A-Za-z0-9_]/g, '_');

/** A number as the LP file writes it: at most 6 decimals, never exponent notation. */
export function lpNumber(x: number): string {
  const r = Math.round(x * 1e6) / 1e6;
  const s = r.toFixed(6).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

type Term = { coef: number; name: string };

function expression(terms: readonly Term[]): string {
  const parts = terms.map((t, k) => {
    const sign = t.coef < 0 ? '-' : k === 0 ? '' : '+';
    const abs = Math.abs(t.coef);
    const coef = abs === 1 ? '' : `${lpNumber(abs)} `;
    return `${sign}${sign ? ' ' : ''}${coef}${t.name}`;
  });
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += 8) lines.push(parts.slice(k, k + 8).join(' '));
  return lines.join('\n   ');
}

/** Citizen-km of the interventions that are not placement decisions. */
export function constantCitizenKm(instance: PlanInstance): number {
  let total = 0;
  instance.interventions.forEach((iv, i) => {
    if (iv.kind !== 'rotating') return;
    const rotation = rotationIndices(instance, i);
    instance.municipalities.forEach((_, h) => {
      const d = instance.demand[h]?.[i] ?? 0;
      const mean = rotation.reduce((s, m) => s + (instance.distanceKm[h]?.[m] ?? 0), 0) / rotation.length;
      total += d * mean;
    });
  });
  return total;
}

export function buildPlanModel(instance: PlanInstance): PlanModel {
  const { municipalities: ms, interventions: ivs, demand, distanceKm } = instance;
  const code = (m: number) => ms[m]?.code ?? String(m);
  const yName = (m: number, i: number) => `y_${code(m)}_${safe(ivs[i]?.code ?? String(i))}`;
  const zName = (h: number, m: number, i: number) => `z_${code(h)}_${code(m)}_${safe(ivs[i]?.code ?? String(i))}`;
  const variables = new Map<string, ModelVariable>();
  const d = (h: number, i: number) => demand[h]?.[i] ?? 0;

  const placed = ivs.flatMap((iv, i) => (isPlaced(iv.kind) ? [i] : []));
  const hostsOf = (i: number) => ms.flatMap((_, m) => (mayHost(instance, i, m) ? [m] : []));
  for (const i of placed) for (const m of hostsOf(i)) variables.set(yName(m, i), { kind: 'y', m, i });
  const homesOf = (i: number) => ms.flatMap((_, h) => (d(h, i) > 0 ? [h] : []));
  for (const i of placed) for (const h of homesOf(i)) for (const m of hostsOf(i)) variables.set(zName(h, m, i), { kind: 'z', h, m, i });

  const objective: Term[] = [];
  for (const [name, v] of variables) if (v.kind === 'z') {
    const coef = d(v.h, v.i) * (distanceKm[v.h]?.[v.m] ?? 0);
    if (lpNumber(coef) !== '0') objective.push({ coef, name });
  }
  const firstVariable = variables.keys().next().value;
  if (objective.length === 0 && firstVariable !== undefined) objective.push({ coef: 0, name: firstVariable });

  const rows: string[] = [];
  const row = (name: string, terms: Term[], op: '<=' | '>=' | '=', rhs: number) => {
    if (terms.length > 0) rows.push(` ${name}: ${expression(terms)} ${op} ${lpNumber(rhs)}`);
  };
  for (const i of placed) {
    const iv = ivs[i];
    if (!iv) continue;
    const hosts = hostsOf(i);
    for (const h of homesOf(i)) row(`assign_${code(h)}_${safe(iv.code)}`, hosts.map((m) => ({ coef: 1, name: zName(h, m, i) })), '=', 1);
    for (const h of homesOf(i)) for (const m of hosts) row(`link_${code(h)}_${code(m)}_${safe(iv.code)}`, [{ coef: 1, name: zName(h, m, i) }, { coef: -1, name: yName(m, i) }], '<=', 0);
    for (const m of hosts) {
      const load = homesOf(i).map((h) => ({ coef: d(h, i), name: zName(h, m, i) }));
      if (load.reduce((s, t) => s + t.coef, 0) > iv.capacity) row(`cap_${code(m)}_${safe(iv.code)}`, [...load, { coef: -iv.capacity, name: yName(m, i) }], '<=', 0);
    }
    if (iv.maxHosts < hosts.length) row(`maxhosts_${safe(iv.code)}`, hosts.map((m) => ({ coef: 1, name: yName(m, i) })), '<=', iv.maxHosts);
  }
  if (instance.everyHostsTargetGroup) {
    const targets = placed.filter((i) => ivs[i]?.kind === 'target_group');
    ms.forEach((_, m) => {
      // instanceProblems refuses a municipality that may host no target-group intervention.
      row(`targetgroup_${code(m)}`, targets.filter((i) => mayHost(instance, i, m)).map((i) => ({ coef: 1, name: yName(m, i) })), '>=', 1);
    });
  }
  for (const c of instance.couplings) {
    const a = ivs.findIndex((iv) => iv.code === c.ifHosts);
    const b = ivs.findIndex((iv) => iv.code === c.thenHosts);
    if (a < 0 || b < 0 || !placed.includes(a) || !placed.includes(b)) continue;
    ms.forEach((_, m) => {
      if (!variables.has(yName(m, a))) return;
      const terms = [{ coef: 1, name: yName(m, a) }];
      if (variables.has(yName(m, b))) terms.push({ coef: -1, name: yName(m, b) });
      row(`couple_${code(m)}_${safe(c.ifHosts)}_${safe(c.thenHosts)}`, terms, '<=', 0);
    });
  }
  if (instance.costNeutralityTolerance !== null) {
    const tol = instance.costNeutralityTolerance;
    ms.forEach((_, m) => {
      const terms: Term[] = [];
      let own = 0;
      for (const i of placed) {
        const s = ivs[i]?.sessions ?? 0;
        own += s * d(m, i);
        for (const h of homesOf(i)) if (h !== m && variables.has(zName(h, m, i))) terms.push({ coef: s * d(h, i), name: zName(h, m, i) });
        if (d(m, i) > 0) for (const other of hostsOf(i)) if (other !== m) terms.push({ coef: -s * d(m, i), name: zName(m, other, i) });
      }
      row(`balance_hi_${code(m)}`, terms, '<=', tol * own);
      row(`balance_lo_${code(m)}`, terms, '>=', -tol * own);
    });
  }

  const names = [...variables.keys()];
  const binaries: string[] = [];
  for (let k = 0; k < names.length; k += 8) binaries.push(` ${names.slice(k, k + 8).join(' ')}`);
  const lp = [
    '\\ Samkraft placement planner (issue 14.2): citizen-kilometres of the placed interventions',
    `\\ constant outside the objective (home and rotating interventions): ${lpNumber(constantCitizenKm(instance))} citizen-km`,
    'Minimize',
    ` obj: ${expression(objective)}`,
    'Subject To',
    ...(rows.length > 0 ? rows : [` none: ${objective[0]?.name ?? 'y'} >= 0`]),
    'Binary',
    ...binaries,
    'End',
    '',
  ].join('\n');
  return { lp, variables, objectiveConstant: constantCitizenKm(instance), rows: rows.length };
}

/** The allocation a solution's variable values describe (values over ½ read as 1). */
export function allocationFromValues(instance: PlanInstance, model: PlanModel, values: ReadonlyMap<string, number>): Allocation {
  const n = instance.municipalities.length;
  const hostOf: (number | null)[][] = instance.interventions.map((iv) => instance.municipalities.map((_, h) => (iv.kind === 'home' ? h : null)));
  const hosts: number[][] = instance.interventions.map((iv, i) => (iv.kind === 'home' ? [...Array(n).keys()] : iv.kind === 'rotating' ? rotationIndices(instance, i) : []));
  for (const [name, v] of model.variables) {
    if ((values.get(name) ?? 0) <= 0.5) continue;
    if (v.kind === 'y') hosts[v.i]?.push(v.m);
    else {
      const row = hostOf[v.i];
      if (row) row[v.h] = v.m;
    }
  }
  return { hostOf, hosts: hosts.map((h) => [...new Set(h)].sort((a, b) => a - b)) };
}
