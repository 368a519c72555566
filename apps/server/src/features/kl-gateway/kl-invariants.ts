import type { KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import { klProfile, type KlProfileKind } from './kl-profiles.ts';

/*
 * The KL IGs' FHIRPath invariants (kl.dk.fhir.rehab 2.2.0, kl.dk.fhir.prevention 2.1.0), each
 * checked on the resources that claim its profile, with fhirpath.js. An invariant passes only on
 * `[true]`: an empty result counts as a failure. `conformsTo()` is not in fhirpath.js; the KL
 * profiles derive from no other KL profile, so here it means "claims the profile in meta.profile".
 * The platform's FHIRPath runner (platform/fhir, issue 12) may take this over.
 */

export type KlInvariant = { key: string; basis: KlLegalBasis; profile: KlProfileKind; human: string; expression: string };

const anyCode = (codes: string[]) => codes.map((c) => `activity.detail.code.coding.code = '${c}'`).join(' or ');

export const klInvariants: readonly KlInvariant[] = [
  {
    key: 'gateway-140-report-1',
    basis: 'SUL140',
    profile: 'delivery-report',
    human: 'All condition resources shall conform to either klgateway-140-condition profile, or klgateway-140-focus-condition profile',
    expression: `entry.select(resource as Condition).all($this.conformsTo('${klProfile('SUL140', 'condition')}') or $this.conformsTo('${klProfile('SUL140', 'focus-condition')}'))`,
  },
  {
    key: 'gateway-140-report-2',
    basis: 'SUL140',
    profile: 'delivery-report',
    human: 'All CarePlan resources shall conform to either klgateway-140-care-plan profile, or klgateway-140-planned-intervention profile',
    expression: `entry.select(resource as CarePlan).all($this.conformsTo('${klProfile('SUL140', 'care-plan')}') or $this.conformsTo('${klProfile('SUL140', 'planned-intervention')}'))`,
  },
  {
    key: 'gateway-140-service-request-1',
    basis: 'SUL140',
    profile: 'servicerequest',
    human: 'One category shall be almen, specialiseret or rehabilitering',
    expression: "category.select(coding.code = 'ffd81f78-352e-4589-a195-5350dd1df2a4' or coding.code = '0c8e2bfc-1350-45d1-90da-c07e2645d073' or coding.code = '83c89857-8fb8-4163-97b1-eb1a56345c29').anyTrue()",
  },
  ...(['SUL140', 'SUL119'] as const).map(
    (basis): KlInvariant => ({
      key: `klgateway-${basis.slice(3)}-care-plan-1`,
      basis,
      profile: 'care-plan',
      human: 'status reason is mandatory if status is cancelled or stopped. Otherwise it is prohibited',
      expression: "activity.detail.all(statusReason.exists() = (status = 'cancelled' or status = 'stopped'))",
    }),
  ),
  {
    key: 'klgateway-140-intervention-1',
    basis: 'SUL140',
    profile: 'planned-intervention',
    human: 'has a reference to careplan if the intervention is a certain type of training',
    expression: `${anyCode(['7f825e3e-1a5c-4249-bf41-9f7171fb6b8a', '2abe20c7-c0b4-41c1-b397-52acf36499ef', '58293f63-00d7-4730-8dbc-c784d40f9e23', '2c661159-1bb3-4af2-bdf1-f3a9927a99e2', '8d714c98-f23a-4722-8a2f-85c162fe4840', '66fb32c9-ecc3-484b-be49-f20094be237c', 'f8ac963c-6ec5-4ec5-bd90-a22fea4e2d16'])} implies basedOn.exists()`,
  },
  {
    key: 'klgateway-140-intervention-2',
    basis: 'SUL140',
    profile: 'planned-intervention',
    human: 'does not have a reference to careplan if the intervention is a certain type of intervention',
    expression: `${anyCode(['1130ad70-6553-490d-87f8-5e8941687a0c', 'ba3e17bd-d4aa-4848-acad-25adc8285c19'])} implies basedOn.empty()`,
  },
  {
    key: 'klgateway-119-intervention-1',
    basis: 'SUL119',
    profile: 'planned-intervention',
    human: 'Planned interventions with a treatment focus, should have its basedOn attribute populated with a carePlan.',
    expression: `${anyCode([
      'f30cab6d-2a42-4358-99d7-811127fb6e05',
      'e71b7d85-5c78-49c2-8624-8499d162317b',
      '01a500f6-c221-4fd0-b518-cd361218b60d',
      'c203c6b5-3be0-40a8-8204-e93751deabf5',
      'c9a99304-1788-43b7-b7be-e187b092ae9c',
      'ab87c0b5-40be-4e0a-b749-d9f833bfed2d',
      '61692d91-69b8-4830-9453-3d58454e49d3',
      'abe847e0-1ce0-44dc-a675-ce05b66f47e6',
      'd1e016b5-150a-4ac4-97ba-d3e19e28471e',
      'cf7a55c2-7061-47ed-b7c5-e29620fe93bf',
      '924e9828-84cf-4689-9551-0ebb6dc71b98',
    ])} implies basedOn.exists()`,
  },
  {
    key: 'klgateway-119-intervention-2',
    basis: 'SUL119',
    profile: 'planned-intervention',
    human: 'does not have a reference to careplan if the intervention is a certain type of intervention',
    expression: `${anyCode(['03a3ebdb-9e2d-4be1-b32b-42f0bd2a3362', 'ee5606ac-1bed-487e-aa3c-72dcc30ec037', '6eddbaf7-2a73-49d4-91e7-6138d419f58c'])} implies basedOn.empty()`,
  },
];

/** One invariant that did not hold, on which resource (`Type/id`, or the Bundle). */
export type KlInvariantFailure = { key: string; human: string; resource: string };

export type KlInvariantChecker = (bundle: { resourceType: string; id: string; meta?: { profile?: string[] }; entry?: { resource: unknown }[] }) => KlInvariantFailure[];

type Compiled = KlInvariant & { profileUrl: string; run: (resource: unknown) => unknown[] };

const profilesOf = (value: unknown): string[] => {
  if (value === null || typeof value !== 'object' || !('meta' in value)) return [];
  const meta = value.meta;
  if (meta === null || typeof meta !== 'object' || !('profile' in meta) || !Array.isArray(meta.profile)) return [];
  return meta.profile.filter((p): p is string => typeof p === 'string');
};

const labelOf = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return '?';
  const type = 'resourceType' in value && typeof value.resourceType === 'string' ? value.resourceType : '?';
  const id = 'id' in value && typeof value.id === 'string' ? value.id : '?';
  return `${type}/${id}`;
};

let checker: Promise<KlInvariantChecker> | undefined;

/**
 * The checker, its expressions compiled once. fhirpath and its R4 model load on first use (they
 * are large, and only the KL export needs them).
 */
export function loadKlInvariants(): Promise<KlInvariantChecker> {
  checker ??= (async () => {
    const [{ default: fhirpath }, { default: r4 }] = await Promise.all([import('fhirpath'), import('fhirpath/fhir-context/r4')]);
    const userInvocationTable = {
      conformsTo: {
        fn: (inputs: unknown[], url: string) => inputs.map((i) => profilesOf(fhirpath.util.valData(i)).includes(url)),
        arity: { 1: ['String' as const] },
      },
    };
    const compiled: Compiled[] = klInvariants.map((inv) => {
      const fn = fhirpath.compile(inv.expression, r4, { userInvocationTable });
      const run = (resource: unknown): unknown[] => {
        const result: unknown[] = fn(resource);
        return result;
      };
      return { ...inv, profileUrl: klProfile(inv.basis, inv.profile), run };
    });
    return (bundle) => {
      const failures: KlInvariantFailure[] = [];
      const check = (resource: unknown) => {
        const profiles = profilesOf(resource);
        for (const inv of compiled) {
          if (!profiles.includes(inv.profileUrl)) continue;
          // evaluate() annotates what it reads: give it a copy.
          const result = inv.run(structuredClone(resource));
          if (!(result.length === 1 && result[0] === true)) failures.push({ key: inv.key, human: inv.human, resource: labelOf(resource) });
        }
      };
      check(bundle);
      for (const e of bundle.entry ?? []) check(e.resource);
      return failures;
    };
  })();
  return checker;
}
