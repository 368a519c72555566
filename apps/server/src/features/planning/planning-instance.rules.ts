/**
 * The placement planner's instance (issue 14.2): municipalities, interventions, demand and
 * distances, and the hosting rules of note §8.7. Pure data; the model (planning-model.rules.ts)
 * and the evaluation (planning-evaluate.rules.ts) read it.
 *
 * How §8.7 is read:
 * - `home`: every municipality offers it to its own citizens (mixed-diagnosis training; HHK at
 *   home) — no placement decision, no travel.
 * - `target_group`: a target-group intervention; every municipality hosts at least one of these
 *   (when `everyHostsTargetGroup`).
 * - `rotating`: patient education rotates among its rotation hosts (all municipalities unless a
 *   model says fewer): each hosts it in turn, so its travel is the mean over the rotation and its
 *   hosting load is shared equally — not a placement decision.
 * - `general`: any other placed intervention (Puls og Styrke, mindfulness, …).
 */

export const INTERVENTION_KINDS = ['home', 'target_group', 'rotating', 'general'] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];

export type PlanMunicipality = { code: string; name: string };

export type PlanIntervention = {
  code: string;
  nameDa: string;
  kind: InterventionKind;
  /** Sessions per course: the unit of the cost-neutrality balance is one citizen's session. */
  sessions: number;
  /** Citizens a host can take a year (team size × parallel teams × courses a year). */
  capacity: number;
  /** At most this many hosts. */
  maxHosts: number;
  /** The municipalities that may host it; null = every municipality of the instance. */
  allowedHosts: readonly string[] | null;
  /** Rotating only: the municipalities that take turns; null = all. */
  rotationHosts: readonly string[] | null;
};

/** "A municipality hosting `ifHosts` hosts `thenHosts` too" (Bilag G: coherent courses). */
export type HostingCoupling = { ifHosts: string; thenHosts: string };

export type PlanInstance = {
  municipalities: readonly PlanMunicipality[];
  interventions: readonly PlanIntervention[];
  /** demand[h][i]: citizens a year from home municipality h for intervention i. */
  demand: readonly (readonly number[])[];
  /** distanceKm[h][m]: one-way km from home h to host m. */
  distanceKm: readonly (readonly number[])[];
  /** |delivered − received| ≤ tolerance × the municipality's own session units; null = no band. */
  costNeutralityTolerance: number | null;
  everyHostsTargetGroup: boolean;
  couplings: readonly HostingCoupling[];
};

/** A placement: for each intervention, each home municipality's host (one host per home: routing). */
export type Allocation = {
  /** hostOf[i][h]: index of the host of home h for intervention i; null = not offered. */
  hostOf: readonly (readonly (number | null)[])[];
  /** hosts[i]: indices of the municipalities hosting intervention i (≥ the ones used). */
  hosts: readonly (readonly number[])[];
};

export function mayHost(instance: PlanInstance, i: number, m: number): boolean {
  const allowed = instance.interventions[i]?.allowedHosts;
  const code = instance.municipalities[m]?.code;
  return code !== undefined && (allowed === null || allowed === undefined || allowed.includes(code));
}

/** Indices of the rotation hosts of a rotating intervention. */
export function rotationIndices(instance: PlanInstance, i: number): number[] {
  const rotation = instance.interventions[i]?.rotationHosts ?? null;
  return instance.municipalities.flatMap((m, k) => (rotation === null || rotation.includes(m.code) ? [k] : []));
}

/** Placed interventions: the ones the model decides (target-group and general). */
export function isPlaced(kind: InterventionKind): boolean {
  return kind === 'target_group' || kind === 'general';
}

/** A problem with the instance itself, named by field, before any solving. */
export function instanceProblems(instance: PlanInstance): string[] {
  const problems: string[] = [];
  const n = instance.municipalities.length;
  if (n === 0) problems.push('municipalities: none chosen');
  if (instance.interventions.length === 0) problems.push('interventions: none chosen');
  if (instance.demand.length !== n) problems.push('demand: one row per municipality');
  if (instance.distanceKm.length !== n || instance.distanceKm.some((r) => r.length !== n)) problems.push('distanceKm: an n × n matrix');
  instance.interventions.forEach((iv, i) => {
    if (!(iv.sessions > 0)) problems.push(`interventions[${iv.code}].sessions: must be positive`);
    if (!(iv.capacity > 0)) problems.push(`interventions[${iv.code}].capacity: must be positive`);
    if (!(iv.maxHosts >= 1)) problems.push(`interventions[${iv.code}].maxHosts: at least 1`);
    if (isPlaced(iv.kind) && !instance.municipalities.some((_, m) => mayHost(instance, i, m))) problems.push(`interventions[${iv.code}].allowedHosts: no municipality of the set may host it`);
    if (iv.kind === 'rotating' && rotationIndices(instance, i).length === 0) problems.push(`interventions[${iv.code}].rotationHosts: none in the set`);
  });
  const targets = instance.interventions.flatMap((iv, i) => (iv.kind === 'target_group' ? [i] : []));
  if (instance.everyHostsTargetGroup && targets.length > 0) {
    instance.municipalities.forEach((m, k) => {
      if (!targets.some((i) => mayHost(instance, i, k))) problems.push(`everyHostsTargetGroup: ${m.name} may host no target-group intervention`);
    });
  }
  instance.demand.forEach((row, h) => {
    if (row.length !== instance.interventions.length || row.some((d) => !(d >= 0))) problems.push(`demand[${instance.municipalities[h]?.code ?? h}]: one non-negative figure per intervention`);
  });
  return problems;
}
