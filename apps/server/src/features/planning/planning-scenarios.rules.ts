import type { Allocation, PlanInstance } from './planning-instance.rules.ts';
import type { InstanceOptions, PlanParameters } from './planning-setup.rules.ts';

/**
 * The named scenarios compared with the optimum.
 *
 * - `hosting_2017`: report Bilag 1, as stored in the catalogue (offering + routing valid on a
 *   day): each home municipality's host per intervention; evaluated, not solved.
 * - The four models of note §8.7 (Figure 1) and Bilag G. The drafts name no municipality per
 *   intervention (except model C's three centres): they are structures, so each is the optimum
 *   under its structure's extra rules, read as follows.
 *   · `figure1` — note Figure 1: mixed-diagnosis training at home everywhere, every municipality
 *     hosts a target-group intervention, patient education rotates among all.
 *   · `g_decentral` — Bilag G "decentralisering, specialisering, sammenhængende forløb": every
 *     municipality hosts a target-group intervention and general training for several
 *     municipalities; a host of prostate training also hosts training for men, a host of
 *     breast-operated training also mixed-diagnosis training (coherent courses).
 *   · `g_central_training` — Bilag G "centralisering af almen træning": general training (mixed
 *     diagnoses and men) in at most three municipalities; every municipality hosts a target-group
 *     intervention.
 *   · `g_three_centres` — Bilag G "centralisering, sammenhængende forløb, distance": three
 *     municipalities (Ballerup, Gladsaxe, Furesø) host everything cross-municipal, mixed-diagnosis
 *     training included; patient education rotates among the three.
 */

export const BILAG_G_MODELS = ['figure1', 'g_decentral', 'g_central_training', 'g_three_centres'] as const;
export type BilagGModel = (typeof BILAG_G_MODELS)[number];

/**
 * General training taken from home to a few hosts: the hosts run as many teams as their catchment
 * needs (Bilag G: the other municipalities contribute staff hours or pay), so no capacity limit.
 */
const GENERAL_TRAINING: readonly string[] = ['mixed_training', 'men_training'];

export const THREE_CENTRES: readonly string[] = ['0151', '0159', '0190'];

export type ModelSetup = { parameters: Partial<PlanParameters>; options: InstanceOptions };

export function modelSetup(model: BilagGModel, municipalityCodes: readonly string[]): ModelSetup {
  switch (model) {
    case 'figure1':
      return { parameters: { everyHostsTargetGroup: true, patientEducationRotates: true }, options: {} };
    case 'g_decentral':
      return {
        parameters: { everyHostsTargetGroup: true, patientEducationRotates: true },
        options: {
          placeHomeInterventions: true,
          uncapped: GENERAL_TRAINING,
          couplings: [
            { ifHosts: 'prostate_pelvic_floor', thenHosts: 'men_training' },
            { ifHosts: 'breast_training', thenHosts: 'mixed_training' },
          ],
        },
      };
    case 'g_central_training':
      return { parameters: { everyHostsTargetGroup: true, patientEducationRotates: true }, options: { placeHomeInterventions: true, uncapped: GENERAL_TRAINING, maxHostsByIntervention: { mixed_training: 3, men_training: 3 } } };
    case 'g_three_centres': {
      const inSet = THREE_CENTRES.filter((c) => municipalityCodes.includes(c));
      const centres = inSet.length > 0 ? inSet : municipalityCodes.slice(0, 3);
      return { parameters: { everyHostsTargetGroup: false, patientEducationRotates: true }, options: { placeHomeInterventions: true, uncapped: 'all', allowedHosts: centres, rotationHosts: centres } };
    }
  }
}

export type Route = { interventionCode: string; home: string; host: string };

/**
 * A stored hosting (routes) as an allocation of the instance. A home municipality with demand
 * but no route is unserved; a route to a municipality outside the set is left out (unserved).
 */
export function allocationFromRoutes(instance: PlanInstance, routes: readonly Route[]): Allocation {
  const index = new Map(instance.municipalities.map((m, k) => [m.code, k]));
  const hostOf = instance.interventions.map((iv) =>
    instance.municipalities.map((m, h) => {
      if (iv.kind === 'home') return h;
      const route = routes.find((r) => r.interventionCode === iv.code && r.home === m.code);
      return route ? (index.get(route.host) ?? null) : null;
    }),
  );
  const hosts = hostOf.map((row) => [...new Set(row.filter((m): m is number => m !== null))].sort((a, b) => a - b));
  return { hostOf, hosts };
}
