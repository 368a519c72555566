import { CANCER_POTENTIAL } from '../reference-data/cancer-potential.data.ts';
import { INTERVENTIONS, type InterventionRow } from '../reference-data/interventions.data.ts';
import { MEMBERS } from '../reference-data/members.data.ts';
import { MUNICIPALITIES } from '../reference-data/municipalities.data.ts';
import { MUNICIPALITY_FACTS } from '../scale-data/municipality-facts.data.ts';
import { roadProxyMatrix } from './planning-distances.rules.ts';
import type { HostingCoupling, InterventionKind, PlanInstance, PlanIntervention } from './planning-instance.rules.ts';

/**
 * From the user's choices to a planning instance: which interventions, how each is classified
 * under note §8.7, the capacity a host has, the demand and the distances.
 *
 * Expected demand (note Table 4, report Table 1): Table 4 gives citizens a year for the original
 * six municipalities; each municipality's share is its expected new cancer cases a year over the
 * six's (report Table 1: 1,810). A municipality outside the nine has no Table 1 figure: its new
 * cases are its population (refdata dk_kommuner_population.json) times the nine's incidence
 * (3,158 new cases over the nine's population).
 */

export type PlanParameters = {
  municipalityCodes: readonly string[];
  interventionCodes: readonly string[];
  /** Citizens on a team. */
  teamSize: number;
  /** Teams a host runs at the same time, per intervention. */
  parallelTeams: number;
  /** Weeks a year teams run. */
  weeksPerYear: number;
  /** At most this many hosts per placed intervention (null: no limit). */
  maxHosts: number | null;
  costNeutralityTolerance: number | null;
  everyHostsTargetGroup: boolean;
  patientEducationRotates: boolean;
};

export const DEFAULT_PARAMETERS: Omit<PlanParameters, 'municipalityCodes' | 'interventionCodes'> = {
  teamSize: 12,
  parallelTeams: 4,
  weeksPerYear: 46,
  maxHosts: null,
  costNeutralityTolerance: null,
  everyHostsTargetGroup: true,
  patientEducationRotates: true,
};

/**
 * The default choice: the interventions with a note Table 4 expected figure that the 2017 hosting
 * (report Bilag 1) places, so the optimum and 2017 are compared on the same demand. Young
 * people's training, memory training, mindfulness and relaxation have figures but no 2017 host;
 * Puls og Styrke and GI education have a host but no figure.
 */
export const DEFAULT_INTERVENTIONS: readonly string[] = ['mixed_training', 'men_training', 'prostate_pelvic_floor', 'breast_training', 'lung', 'brain', 'hhk_cross', 'livskraft'];

/** Sessions and weekly frequency where the catalogue has no dose: a short weekly course. */
const NO_DOSE = { sessions: 8, perWeek: 1 };

const SIX_NEW_CASES = CANCER_POTENTIAL.filter((c) => MEMBERS.some((m) => m.code === c.code && m.joinedOn < '2017-01-01')).reduce((s, c) => s + c.newCases, 0);
const NINE_NEW_CASES = CANCER_POTENTIAL.reduce((s, c) => s + c.newCases, 0);
const POPULATION = new Map(MUNICIPALITY_FACTS.map(([code, population]) => [code, population]));
const NINE_POPULATION = CANCER_POTENTIAL.reduce((s, c) => s + (POPULATION.get(c.code) ?? 0), 0);

/** Expected new cancer cases a year: report Table 1 for the nine, else population × the nine's incidence. */
export function expectedNewCases(code: string): number {
  const stated = CANCER_POTENTIAL.find((c) => c.code === code);
  if (stated) return stated.newCases;
  return ((POPULATION.get(code) ?? 0) * NINE_NEW_CASES) / NINE_POPULATION;
}

export function sixNewCases(): number {
  return SIX_NEW_CASES;
}

/** How note §8.7 treats an intervention (see planning-instance.rules.ts). */
export function interventionKind(row: InterventionRow, patientEducationRotates: boolean): InterventionKind {
  if (!row.crossMunicipal) return 'home';
  if (row.category === 'patient_education' && row.code === 'livskraft' && patientEducationRotates) return 'rotating';
  if (row.targetDiagnoses !== null || row.targetMaxAge !== null) return 'target_group';
  return 'general';
}

export function courseShape(row: InterventionRow): { sessions: number; perWeek: number } {
  if (row.dose.length === 0) return NO_DOSE;
  const sessions = row.dose.reduce((s, p) => s + p.sessions, 0);
  const perWeek = row.dose.reduce((s, p) => s + (p.perWeek ?? 0), 0) || NO_DOSE.perWeek;
  return { sessions, perWeek };
}

/** Citizens a year one host can take: team size × parallel teams × courses a year. */
export function hostCapacity(row: InterventionRow, p: Pick<PlanParameters, 'teamSize' | 'parallelTeams' | 'weeksPerYear'>): number {
  const { sessions, perWeek } = courseShape(row);
  const courseWeeks = sessions / perWeek;
  return Math.round(p.teamSize * p.parallelTeams * Math.max(1, p.weeksPerYear / courseWeeks) * 10) / 10;
}

export function interventionRow(code: string): InterventionRow | undefined {
  return INTERVENTIONS.find((r) => r.code === code);
}

export function municipalityName(code: string): string {
  return MUNICIPALITIES.find((m) => m.code === code)?.name ?? code;
}

/** Expected citizens a year (Table 4 scaled by new cases), rounded to 0.1. */
export function expectedDemand(codes: readonly string[], rows: readonly InterventionRow[]): number[][] {
  return codes.map((code) => rows.map((r) => Math.round(((r.expectedPerYear ?? 0) * expectedNewCases(code) * 10) / SIX_NEW_CASES) / 10));
}

export type InstanceOptions = {
  /** Restrict hosts (a model's centres); null = any municipality of the set. */
  allowedHosts?: readonly string[] | null;
  rotationHosts?: readonly string[] | null;
  /** Interventions treated as placed although at home by default (a model that centralises them). */
  placeHomeInterventions?: boolean;
  maxHostsByIntervention?: Readonly<Record<string, number>>;
  couplings?: readonly HostingCoupling[];
  /** Interventions whose hosts run as many teams as their catchment needs (a model that centralises them); 'all' for every one. */
  uncapped?: readonly string[] | 'all';
};

/** A capacity no catchment reaches: the capacity rows are then left out of the model. */
export const UNCAPPED = 1e6;

export function buildInstance(p: PlanParameters, demand: number[][], options: InstanceOptions = {}): PlanInstance {
  const rows = p.interventionCodes.map((code) => {
    const row = interventionRow(code);
    if (!row) throw new Error(`interventionCodes: unknown intervention ${code}`);
    return row;
  });
  const n = p.municipalityCodes.length;
  const interventions: PlanIntervention[] = rows.map((row) => {
    let kind = interventionKind(row, p.patientEducationRotates);
    if (kind === 'home' && options.placeHomeInterventions && row.mixedDiagnoses) kind = 'general';
    const placedHosts = kind === 'home' || kind === 'rotating' ? null : (options.allowedHosts ?? null);
    return {
      code: row.code,
      nameDa: row.nameDa,
      kind,
      sessions: courseShape(row).sessions,
      capacity: options.uncapped === 'all' || options.uncapped?.includes(row.code) ? UNCAPPED : hostCapacity(row, p),
      maxHosts: options.maxHostsByIntervention?.[row.code] ?? p.maxHosts ?? n,
      allowedHosts: placedHosts,
      rotationHosts: kind === 'rotating' ? (options.rotationHosts ?? null) : null,
    };
  });
  return {
    municipalities: p.municipalityCodes.map((code) => ({ code, name: municipalityName(code) })),
    interventions,
    demand,
    distanceKm: roadProxyMatrix(p.municipalityCodes),
    costNeutralityTolerance: p.costNeutralityTolerance,
    everyHostsTargetGroup: p.everyHostsTargetGroup,
    couplings: options.couplings ?? [],
  };
}

/** The interventions' catalogue rows, in the parameters' order. */
export function interventionRows(codes: readonly string[]): InterventionRow[] {
  return codes.flatMap((code) => {
    const row = interventionRow(code);
    return row ? [row] : [];
  });
}
