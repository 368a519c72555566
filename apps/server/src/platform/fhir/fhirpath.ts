import type { FhirResource } from './fhir-json.ts';
import { bundleIndex, isBundle, isObject, isResource, resolveIn } from './fhir-json.ts';

/*
 * FHIRPath (fhirpath.js, R4 model) for profile invariants, with the two functions it lacks for
 * messages: `resolve()` inside the Bundle (fhirpath.js resolves over HTTP only) and `conformsTo()`
 * (not implemented there), which honours a profile-parent table: a MedCom CareCommunication
 * MessageHeader conforms to the messaging MessageHeader it derives from, which a plain
 * meta.profile comparison would deny. Expressions are compiled once; each run evaluates a copy,
 * because fhirpath.js writes type information into the data it walks. The library (~0.3 s to
 * load) is loaded on first use.
 */

/** Profile canonical URL → the profile it derives from. */
export type ProfileParents = Readonly<Record<string, string>>;

export type Invariant = {
  key: string;
  /** Where the invariant applies, as FHIRPath from the root (e.g. `Bundle.entry.resource.ofType(Communication)`); the root when absent. */
  context?: string;
  expression: string;
  human: string;
  severity: 'error' | 'warning';
  /**
   * The expression is known to give no answer (an empty result) where a standard engine cannot
   * decide it, and code checks the rule instead: then only `false` fails.
   */
  handChecked?: boolean;
};

export type InvariantFailure = {
  key: string;
  severity: 'error' | 'warning';
  human: string;
  /** Where it failed, as FHIRPath from the root (e.g. `Bundle.entry[2].resource`). */
  location: string;
  /** `false`: the rule does not hold; `empty`: it gave no answer; `error`: it could not be evaluated. */
  outcome: 'false' | 'empty' | 'error';
  detail?: string;
};

export type FhirPathOptions = { profileParents?: ProfileParents };

type Compiled = (data: unknown, env?: Record<string, unknown>, options?: { resolveInternalTypes?: boolean }) => unknown[];
type Engine = { compile: (expression: string) => Compiled };

/** The Bundle and profile table of the evaluation under way; evaluation is synchronous, so one at a time. */
let scope: { index: Map<string, FhirResource>; parents: ProfileParents } = { index: new Map(), parents: {} };

/** The resource's profiles and every profile they derive from, plus the base definition of its type. */
export function profileChain(resource: FhirResource, parents: ProfileParents): string[] {
  const chain = [`http://hl7.org/fhir/StructureDefinition/${resource.resourceType}`];
  for (const declared of resource.meta?.profile ?? []) {
    // A versioned canonical (`…|5.0`) conforms to the unversioned one.
    let profile: string | undefined = declared.split('|')[0];
    for (let depth = 0; profile && depth < 20 && !chain.includes(profile); depth += 1) {
      chain.push(profile);
      profile = parents[profile];
    }
  }
  return chain;
}

let engine: Promise<Engine> | undefined;

async function loadEngine(): Promise<Engine> {
  const [{ default: fhirpath }, { default: r4 }] = await Promise.all([import('fhirpath'), import('fhirpath/fhir-context/r4')]);
  const userInvocationTable = {
    resolve: {
      fn: (inputs: unknown[]) => inputs.flatMap((input) => {
        const resource = resolveIn(scope.index, input);
        return resource ? [resource] : [];
      }),
      arity: { 0: [] },
    },
    conformsTo: {
      fn: (inputs: unknown[], url: unknown) => inputs.map((input) => isResource(input) && typeof url === 'string' && profileChain(input, scope.parents).includes(url)),
      arity: { 1: ['String' as const] },
    },
  };
  const cache = new Map<string, Compiled>();
  return {
    compile(expression) {
      let compiled = cache.get(expression);
      if (!compiled) {
        const fn = fhirpath.compile(expression, r4, { userInvocationTable });
        compiled = (data, env, options) => fn(data, env, options) as unknown[];
        cache.set(expression, compiled);
      }
      return compiled;
    },
  };
}

function fhirPathEngine(): Promise<Engine> {
  engine ??= loadEngine().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

/** What fhirpath.js returns for a node when asked not to unwrap it (its ResourceNode). */
type ResourceNode = { data: unknown; propName?: string; path?: string; index?: number | null; parentResNode?: ResourceNode | null };

const isNode = (value: unknown): value is ResourceNode => isObject(value) && 'data' in value && 'parentResNode' in value;

/** Where a node is, as FHIRPath naming each resource inside the root by type: `Bundle.entry[2].resource.ofType(Communication).payload[0]`. */
function pathOf(node: ResourceNode): string {
  const parts: string[] = [];
  for (let at: ResourceNode | null | undefined = node; at; at = at.parentResNode) {
    const index = typeof at.index === 'number' ? `[${at.index}]` : '';
    const type = at.parentResNode && isResource(at.data) ? `.ofType(${at.data.resourceType})` : '';
    parts.unshift(`${at.propName ?? at.path ?? ''}${index}${type}`);
  }
  return parts.join('.');
}

/** The resource a node is in. */
function resourceOf(node: ResourceNode): unknown {
  for (let at: ResourceNode | null | undefined = node; at; at = at.parentResNode) if (isResource(at.data)) return at.data;
  return undefined;
}

/** A FHIRPath result as an invariant's verdict (FHIRPath singleton evaluation of collections). */
function holds(result: unknown[]): boolean | undefined {
  if (result.length === 0) return undefined;
  return result.every((item) => item !== false);
}

/** Runs `evaluate` with the Bundle's references and the profile table in scope, on a copy of `root`. */
function withScope<T>(root: unknown, options: FhirPathOptions, evaluate: (copy: unknown) => T): T {
  const copy = structuredClone(root);
  const previous = scope;
  scope = { index: isBundle(copy) ? bundleIndex(copy) : new Map<string, FhirResource>(), parents: options.profileParents ?? {} };
  try {
    return evaluate(copy);
  } finally {
    scope = previous;
  }
}

/** Evaluates one expression on (a copy of) `root`; a resource in it resolves references to its Bundle's entries. */
export async function evaluateFhirPath(root: unknown, expression: string, options: FhirPathOptions = {}): Promise<unknown[]> {
  const { compile } = await fhirPathEngine();
  return withScope(root, options, (copy) => compile(expression)(copy, { resource: copy, rootResource: copy }));
}

/**
 * Checks `invariants` on `root` (a resource, usually a message Bundle). An invariant holds when its
 * expression is true at every node its context selects; false fails, and so does an empty result
 * unless the invariant is `handChecked`, and so does an expression that cannot be evaluated.
 */
export async function runInvariants(root: unknown, invariants: readonly Invariant[], options: FhirPathOptions = {}): Promise<InvariantFailure[]> {
  const { compile } = await fhirPathEngine();
  return withScope(root, options, (copy) => {
    const rootName = isResource(copy) ? copy.resourceType : '$this';
    const failures: InvariantFailure[] = [];
    for (const invariant of invariants) {
      const fail = (location: string, outcome: InvariantFailure['outcome'], detail?: string) =>
        failures.push({ key: invariant.key, severity: invariant.severity, human: invariant.human, location, outcome, ...(detail ? { detail } : {}) });
      let nodes: unknown[];
      try {
        // Unwrapped nodes keep where they are in the data, primitives included.
        nodes = invariant.context ? compile(invariant.context)(copy, { resource: copy, rootResource: copy }, { resolveInternalTypes: false }) : [copy];
      } catch (error) {
        fail(invariant.context ?? rootName, 'error', error instanceof Error ? error.message : String(error));
        continue;
      }
      for (const node of nodes) {
        const location = isNode(node) ? pathOf(node) : rootName;
        const resource = (isNode(node) ? resourceOf(node) : undefined) ?? copy;
        try {
          const verdict = holds(compile(invariant.expression)(node, { resource, rootResource: copy }));
          if (verdict === false) fail(location, 'false');
          else if (verdict === undefined && !invariant.handChecked) fail(location, 'empty');
        } catch (error) {
          fail(location, 'error', error instanceof Error ? error.message : String(error));
        }
      }
    }
    return failures;
  });
}
